/**
 * Reads a draft field out of the DOM as plain text plus an offset map, without touching the editor.
 *
 * Rich fields (contenteditable roots: ProseMirror, TipTap, ByteDance editor-kit, a UEditor iframe body) are
 * walked element by element; every character of the resulting string is backed by a segment, so a finding's
 * offsets map back to exact DOM positions (ranges.ts). Value fields (<input>, <textarea>) are just `.value`.
 * DOM only: no extension APIs (the editor-kit runs in content scripts and in happy-dom tests alike).
 */

export type SegmentKind = 'text' | 'break' | 'atom';

export interface Segment {
  /** [start, end) in the field text. */
  start: number;
  end: number;
  /** Text node (text), the atomic element (atom), or the <br>/block element that caused it (break). */
  node: Node | null;
  /** Offset inside `node.data` where this segment begins (text segments only). */
  nodeStart: number;
  kind: SegmentKind;
}

export interface RichFieldText {
  kind: 'rich';
  root: Element;
  text: string;
  segments: Segment[];
}

export type ValueElement = HTMLInputElement | HTMLTextAreaElement;

export interface ValueFieldText {
  kind: 'value';
  element: ValueElement;
  text: string;
}

export type FieldText = RichFieldText | ValueFieldText;

export interface ReadOptions {
  /** Subtrees that are not draft content (placeholders, widgets, previews). */
  skip?: readonly string[];
  /** Inline islands read as one token (topic chips); their text is the chip's visible text. */
  atoms?: readonly string[];
}

/** Never draft content, on any of the consoles' editors. */
export const DEFAULT_SKIP: readonly string[] = [
  'script',
  'style',
  'template',
  '.ProseMirror-widget',
  'img.ProseMirror-separator',
  'br.ProseMirror-trailingBreak',
  '.editor_content_placeholder',
  '[data-xs-ignore]',
];

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Zero-width fillers editors put in the DOM (Douyin's data-zero-space / data-enter spans, BOMs). */
const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF]/;
const ZERO_WIDTH_GLOBAL = /[\u200B\u200C\u200D\u2060\uFEFF]/g;
export const OBJECT_REPLACEMENT = '\uFFFC';

export function isValueElement(el: Element): el is ValueElement {
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
}

export function readField(el: Element, options: ReadOptions = {}): FieldText {
  return isValueElement(el) ? { kind: 'value', element: el, text: el.value } : readRichField(el, options);
}

/** Text a chip or image contributes: visible text without padding, or the image's alt text. */
function atomText(el: Element): string {
  if (el.tagName === 'IMG') return (el.getAttribute('alt') ?? '').trim() || OBJECT_REPLACEMENT;
  const text = (el.textContent ?? '').replace(ZERO_WIDTH_GLOBAL, '').replace(/\u00A0/g, ' ').trim();
  return text || OBJECT_REPLACEMENT;
}

export function readRichField(root: Element, options: ReadOptions = {}): RichFieldText {
  const skip = [...DEFAULT_SKIP, ...(options.skip ?? [])].join(',');
  const atomSelector = (options.atoms ?? []).join(',');
  const segments: Segment[] = [];
  let text = '';
  // The last character pushed, kept aside: `text` is built by appending (a rope in V8), and asking the rope
  // itself (text.endsWith) flattens it on every block, which made a 5 MB paste take minutes (quadratic).
  let lastChar = '';
  let breakPending = false;

  const push = (piece: string, node: Node | null, nodeStart: number, kind: SegmentKind) => {
    segments.push({ start: text.length, end: text.length + piece.length, node, nodeStart, kind });
    text += piece;
    if (piece) lastChar = piece[piece.length - 1];
  };
  /** A block boundary becomes one "\n", and only between pieces of content. */
  const flushBreak = (cause: Node) => {
    if (breakPending && text.length > 0 && lastChar !== '\n') push('\n', cause, 0, 'break');
    breakPending = false;
  };

  const visitText = (node: Text) => {
    const data = node.data;
    if (!data) return;
    flushBreak(node);
    if (!ZERO_WIDTH.test(data)) {
      push(data.replace(/\u00A0/g, ' '), node, 0, 'text');
      return;
    }
    // Zero-width fillers are dropped from the string; each visible run keeps its own node offset.
    let runStart = -1;
    for (let i = 0; i <= data.length; i++) {
      const visible = i < data.length && !ZERO_WIDTH.test(data[i]);
      if (visible && runStart < 0) runStart = i;
      if (!visible && runStart >= 0) {
        push(data.slice(runStart, i).replace(/\u00A0/g, ' '), node, runStart, 'text');
        runStart = -1;
      }
    }
  };

  const visitElement = (el: Element) => {
    if (el.matches(skip)) return;
    const tag = el.tagName;
    if (atomSelector && (el.matches(atomSelector) || (el.getAttribute('contenteditable') === 'false' && el.querySelector(atomSelector)))) {
      flushBreak(el);
      push(atomText(el.matches(atomSelector) ? el : el.querySelector(atomSelector)!), el, 0, 'atom');
      return;
    }
    if (tag === 'IMG') {
      flushBreak(el);
      push(atomText(el), el, 0, 'atom');
      return;
    }
    if (tag === 'BR') {
      flushBreak(el);
      push('\n', el, 0, 'break');
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) breakPending = true;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) visitText(child as Text);
      else if (child.nodeType === 1) visitElement(child as Element);
    }
    if (block) breakPending = true;
  };

  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) visitText(child as Text);
    else if (child.nodeType === 1) visitElement(child as Element);
  }
  return { kind: 'rich', root, text, segments };
}
