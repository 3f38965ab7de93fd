/**
 * Applies a one-click fix through the editor's own input path, so the console's model (ProseMirror, React,
 * Vue) and its undo stack see an ordinary edit: select the span, then `insertText` (which fires beforeinput
 * and input). React-controlled inputs that ignore it get the native value setter plus an input event.
 * The user's focus and selection are put back afterwards (live Ranges follow the edit).
 */
import { readRichField, type ReadOptions, type ValueElement } from './read-field';
import { rangeFor } from './ranges';

export interface FixTarget {
  start: number;
  end: number;
  /** What the span must read now; the fix is refused when the text moved and cannot be found again. */
  expected: string;
  replacement: string;
}

/** Nearest occurrence of `expected` to `start`, or -1. */
function relocate(text: string, expected: string, start: number): number {
  if (text.slice(start, start + expected.length) === expected) return start;
  let best = -1;
  for (let i = text.indexOf(expected); i >= 0; i = text.indexOf(expected, i + 1)) {
    if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) best = i;
  }
  return best;
}

/** The focused element, looking through open shadow roots (the sidebar lives in one). */
function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

interface SavedFocus {
  active: Element | null;
  ranges: Range[];
  doc: Document;
}

function saveFocus(doc: Document): SavedFocus {
  const sel = doc.getSelection();
  const ranges: Range[] = [];
  if (sel) for (let i = 0; i < sel.rangeCount; i++) ranges.push(sel.getRangeAt(i).cloneRange());
  return { active: deepActiveElement(doc), ranges, doc };
}

function restoreFocus(saved: SavedFocus, edited: Element): void {
  const sel = saved.doc.getSelection();
  if (sel) {
    sel.removeAllRanges();
    for (const r of saved.ranges) if (r.startContainer.isConnected) sel.addRange(r);
  }
  const active = saved.active;
  if (active && active !== edited && active !== saved.doc.body && 'focus' in active) {
    (active as HTMLElement).focus({ preventScroll: true });
  }
}

export function applyValueFix(el: ValueElement, fix: FixTarget): boolean {
  const doc = el.ownerDocument;
  const start = relocate(el.value, fix.expected, fix.start);
  if (start < 0) return false;
  const end = start + fix.expected.length;
  const wanted = el.value.slice(0, start) + fix.replacement + el.value.slice(end);
  const saved = saveFocus(doc);
  const selection = { start: el.selectionStart, end: el.selectionEnd };
  el.focus({ preventScroll: true });
  el.setSelectionRange(start, end);
  doc.execCommand('insertText', false, fix.replacement);
  if (el.value !== wanted) {
    // The page rejected or rewrote the edit: set the value past React's value tracker, then tell the page.
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    const proto = el.tagName === 'INPUT' ? win?.HTMLInputElement.prototype : win?.HTMLTextAreaElement.prototype;
    Object.getOwnPropertyDescriptor(proto ?? Object.getPrototypeOf(el), 'value')?.set?.call(el, wanted);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: fix.replacement }));
  }
  if (saved.active !== el && selection.start !== null && selection.end !== null) {
    const shift = (pos: number) => (pos >= end ? pos + fix.replacement.length - fix.expected.length : Math.min(pos, start));
    el.setSelectionRange(shift(selection.start), shift(selection.end));
  }
  restoreFocus(saved, el);
  return el.value === wanted;
}

export function applyRichFix(root: Element, fix: FixTarget, options: ReadOptions = {}): boolean {
  const doc = root.ownerDocument;
  const field = readRichField(root, options);
  const start = relocate(field.text, fix.expected, fix.start);
  if (start < 0) return false;
  const range = rangeFor(field, start, start + fix.expected.length);
  if (!range) return false;
  const before = field.text;
  const saved = saveFocus(doc);
  (root as HTMLElement).focus({ preventScroll: true });
  const sel = doc.getSelection();
  if (!sel) return false;
  sel.removeAllRanges();
  sel.addRange(range);
  const handled = doc.execCommand('insertText', false, fix.replacement);
  if (!handled) {
    // No editing command (unusual): offer the edit to the editor as beforeinput, as a keyboard would.
    const event = new InputEvent('beforeinput', {
      bubbles: true, cancelable: true, inputType: 'insertReplacementText', data: fix.replacement,
      targetRanges: [new StaticRange(range)],
    });
    if (root.dispatchEvent(event)) {
      range.deleteContents();
      range.insertNode(doc.createTextNode(fix.replacement));
      root.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: fix.replacement }));
    }
  }
  restoreFocus(saved, root);
  return readRichField(root, options).text !== before;
}
