/**
 * The ::highlight() rules. Shipped as manifest content-script CSS (outside page CSP, see wxt.config.ts) for
 * the top document; inserted as a constructed stylesheet into same-origin iframe editors, because the
 * Custom Highlight API is per document (measured: a top-level rule paints nothing inside the frame).
 */
import type { Severity } from '../core/types';

export const HIGHLIGHT_NAME: Record<Severity, string> = { block: 'xs-block', review: 'xs-review', info: 'xs-info' };
export const FLASH_HIGHLIGHT = 'xs-flash';

/** Severity colours, shared by highlights and the overlay boxes of value fields. */
export const SEVERITY_COLOR: Record<Severity, string> = {
  block: '245 34 45',
  review: '250 140 22',
  info: '22 119 255',
};

export const HIGHLIGHT_CSS = `
::highlight(xs-block) { background-color: rgb(${SEVERITY_COLOR.block} / 0.18); text-decoration: underline wavy rgb(${SEVERITY_COLOR.block}); text-decoration-skip-ink: none; }
::highlight(xs-review) { background-color: rgb(${SEVERITY_COLOR.review} / 0.18); text-decoration: underline wavy rgb(${SEVERITY_COLOR.review}); text-decoration-skip-ink: none; }
::highlight(xs-info) { background-color: rgb(${SEVERITY_COLOR.info} / 0.12); text-decoration: underline dotted rgb(${SEVERITY_COLOR.info}); }
::highlight(xs-flash) { background-color: rgb(255 214 0 / 0.8); color: #000; }
`.trim();
