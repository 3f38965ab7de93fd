/**
 * Field text with findings marked exactly at their UTF-16 offsets, as the extension's sidebar does.
 * Overlapping findings split the text into segments; a segment takes the most severe covering finding's style.
 */
import type { WireFinding } from '../../lib/review-server/schemas';
import { h } from './dom';

const RANK = { block: 0, review: 1, info: 2 } as const;

export function highlightedText(text: string, findings: WireFinding[], accepted: Set<string>): HTMLElement {
  const cuts = new Set<number>([0, text.length]);
  for (const f of findings) {
    cuts.add(Math.max(0, Math.min(text.length, f.start)));
    cuts.add(Math.max(0, Math.min(text.length, f.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = h('div', { class: 'field-text' });
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (from === to) continue;
    const covering = findings.filter((f) => f.start <= from && f.end >= to);
    const piece = text.slice(from, to);
    if (!covering.length) {
      box.append(piece);
      continue;
    }
    const top = [...covering].sort((a, b) => RANK[a.severity] - RANK[b.severity])[0];
    const allAccepted = covering.every((f) => accepted.has(f.id));
    box.append(
      h(
        'mark',
        {
          class: `sev-${top.severity}${allAccepted ? ' accepted' : ''}`,
          'data-finding': covering.map((f) => f.id).join(' '),
          title: covering.map((f) => f.message).join('\n'),
        },
        piece,
      ),
    );
  }
  return box;
}
