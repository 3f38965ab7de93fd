/**
 * Showing untrusted text (draft content, file names, bundle bytes) in a terminal or an error message.
 * Pure. Fuzzing found raw input in messages spanning lines and carrying terminal escape sequences, and
 * finding text printed with ESC, NUL and bidi overrides that reorder or hide what a reviewer reads.
 *
 * Escaped: every control (Cc: C0, DEL, C1), every format character (Cf: zero-width, bidi embeddings,
 * overrides and isolates, BOM, soft hyphen), lone surrogates and the line/paragraph separators. They are
 * shown as \n, \r, \t or \uXXXX, so what is printed is one line of visible characters.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text with every control, format and separator character written as an escape. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (ch) => NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Untrusted text for an error message: escaped, and cut to about `max` characters (whole code points)
 * with an ellipsis, so a megabyte of input never lands in a message.
 */
export function quoteInput(text: string, max = 60): string {
  const points = Array.from(text);
  const cut = points.length > max ? `${points.slice(0, max).join('')}…` : text;
  return escapeControls(cut);
}

/** An error's message made safe to print: runtime messages (JSON.parse's among them) quote raw input. */
export function safeErrorMessage(error: unknown, max = 160): string {
  return quoteInput(error instanceof Error ? error.message : String(error), max);
}
