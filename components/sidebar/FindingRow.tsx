import { memo, useEffect, useRef } from 'react';
import type { Finding } from '@/lib/core/types';
import { AcceptForm } from './AcceptForm';
import { instructionText, isInstructionSuggestion, isLiteralSuggestion } from './grouping';
import { SEVERITY_LABELS } from './labels';
import type { Resolution } from './types';
import { PictureFindingPreview, type PicturePreview } from './pictures';

interface FindingRowProps {
  finding: Finding;
  resolution: Resolution | undefined;
  /** The picture a picture finding is on: thumbnail and read text. */
  picture?: PicturePreview;
  acceptOpen: boolean;
  onJump(f: Finding): void;
  onFix(f: Finding): void;
  onAccept(f: Finding, reason: string): void;
  onOpenAccept(id: string): void;
  onCloseAccept(): void;
}

/** Button labels stay short in a 340px panel; the full text is in the title and the accessible name. */
const MAX_LABEL_CHARS = 14;
function shorten(text: string): string {
  const chars = [...text];
  return chars.length > MAX_LABEL_CHARS ? `${chars.slice(0, MAX_LABEL_CHARS).join('')}…` : text;
}

function SuggestionLine({ finding }: { finding: Finding }) {
  const s = finding.suggestion;
  if (s === undefined || s.trim() === '') return null;
  const text = isInstructionSuggestion(s) ? instructionText(s) : `改为「${s}」`;
  return <p className="xs-suggestion">建议：{text}</p>;
}

function ResolutionLine({ resolution }: { resolution: Resolution }) {
  const by = resolution.by ? `（${resolution.by.name}）` : '';
  const text = resolution.resolution === 'fixed' ? '已修改' : `已接受：${resolution.reason ?? ''}`;
  return (
    <p className="xs-resolution" data-xs="resolution">
      {text}
      {by}
    </p>
  );
}

type FocusTarget = 'accept-button' | 'row' | null;

function FindingRowImpl(props: FindingRowProps) {
  const { finding: f, resolution, acceptOpen } = props;
  const rowRef = useRef<HTMLLIElement>(null);
  const acceptButtonRef = useRef<HTMLButtonElement>(null);
  // Set only when this row's own form closes, so opening another row's form never steals focus here.
  const focusAfterClose = useRef<FocusTarget>(null);
  const formId = `xs-accept-${f.id}`;
  const offerFix = !resolution && isLiteralSuggestion(f);

  useEffect(() => {
    if (acceptOpen || !focusAfterClose.current) return;
    const target = focusAfterClose.current === 'accept-button' ? acceptButtonRef.current : null;
    (target ?? rowRef.current)?.focus();
    focusAfterClose.current = null;
  }, [acceptOpen, resolution]);

  function cancelAccept() {
    focusAfterClose.current = 'accept-button';
    props.onCloseAccept();
  }

  function submitAccept(reason: string) {
    // The accept button disappears once the finding is resolved, so the row itself takes focus.
    focusAfterClose.current = 'row';
    props.onCloseAccept();
    props.onAccept(f, reason);
  }

  return (
    <li
      ref={rowRef}
      tabIndex={-1}
      className={`xs-finding xs-sev-${f.severity}${resolution ? ' xs-resolved' : ''}`}
      data-xs="finding"
      data-category={f.category}
      data-severity={f.severity}
      data-field={f.field}
      data-finding-id={f.id}
      data-resolution={resolution?.resolution}
    >
      <div className="xs-finding-head">
        <span className="xs-sev-tag">{SEVERITY_LABELS[f.severity]}</span>
        <code className="xs-match" title={f.text}>
          「{f.text}」
        </code>
        {(f.occurrences?.length ?? 1) > 1 && (
          <span className="xs-count" data-xs="occurrences" title="同一问题在本栏目出现的次数，接受一次即全部接受">
            共 {f.occurrences!.length} 处
          </span>
        )}
      </div>
      {props.picture && <PictureFindingPreview finding={f} picture={props.picture} />}
      <p className="xs-message">{f.message}</p>
      <SuggestionLine finding={f} />
      <p className="xs-clause">依据：{f.clause}</p>
      {resolution && <ResolutionLine resolution={resolution} />}
      <div className="xs-actions">
        <button type="button" className="xs-btn" aria-label={`定位「${f.text}」`} onClick={() => props.onJump(f)}>
          定位
        </button>
        {offerFix && (
          <button
            type="button"
            className="xs-btn xs-btn-primary"
            title={`修改为「${f.suggestion}」`}
            aria-label={`修改为「${f.suggestion}」`}
            onClick={() => props.onFix(f)}
          >
            修改为「{shorten(f.suggestion!)}」
          </button>
        )}
        {!resolution && (
          <button
            ref={acceptButtonRef}
            type="button"
            className="xs-btn"
            aria-expanded={acceptOpen}
            aria-controls={acceptOpen ? formId : undefined}
            onClick={() => (acceptOpen ? cancelAccept() : props.onOpenAccept(f.id))}
          >
            接受…
          </button>
        )}
      </div>
      {acceptOpen && !resolution && <AcceptForm id={formId} onSubmit={submitAccept} onCancel={cancelAccept} />}
    </li>
  );
}

/** Memoised: with hundreds of rows, opening one accept form must not re-render the others. */
export const FindingRow = memo(FindingRowImpl);
