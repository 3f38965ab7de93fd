/**
 * The locator engine: reads an adapter's data against a live DOM. Walks open shadow roots and same-origin
 * iframes when a candidate says so, applies the validation (visibility, placeholder, exclusions) and insists
 * on exactly one element per field: none or several means the adapter is out of date, and the caller must
 * say so and keep publishing held (never a silent pass).
 */
import type { Adapter, Candidate, FieldSpec, PublishControl, RoutePattern, Surface } from './types';

export interface LocatedField {
  spec: FieldSpec;
  element: Element;
  candidate: Candidate;
}

export interface FieldProblem {
  spec: FieldSpec;
  problem: 'missing' | 'ambiguous';
  /** How many elements the first matching candidate found (ambiguous only). */
  count: number;
}

export interface SurfaceLocation {
  surface: Surface;
  fields: LocatedField[];
  problems: FieldProblem[];
  /** Every required field found exactly once. */
  ok: boolean;
}

export function matchRoute(route: RoutePattern, url: URL): boolean {
  if (!route.hosts.includes(url.hostname)) return false;
  if (route.path && !route.path.test(url.pathname)) return false;
  if (route.hash && !route.hash.test(url.hash)) return false;
  for (const [key, want] of Object.entries(route.query ?? {})) {
    const got = url.searchParams.get(key);
    if (got === null || (typeof want === 'string' ? got !== want : !want.test(got))) return false;
  }
  return true;
}

export function surfaceFor(adapter: Adapter, url: URL): Surface | undefined {
  return adapter.surfaces.find((s) => matchRoute(s.route, url));
}

const isElement = (t: unknown): t is Element => !!t && (t as Node).nodeType === 1;

/** Rendered: not display:none or visibility:hidden, itself or any ancestor (across shadow roots and frames). */
export function isVisible(el: Element): boolean {
  if (!el.isConnected) return false;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const frame = view.frameElement;
  if (frame && !isVisible(frame)) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  const hasLayout = el.ownerDocument.documentElement.getClientRects().length > 0;
  if (hasLayout && typeof check === 'function') return el.getClientRects().length > 0 && check.call(el, { visibilityProperty: true });
  // No layout engine (happy-dom in unit tests): decide from computed styles alone.
  if (view.getComputedStyle(el).visibility === 'hidden') return false;
  for (let node: Element | null = el; node; ) {
    if (view.getComputedStyle(node).display === 'none') return false;
    const parent: Node | null = node.parentNode;
    node = isElement(parent) ? parent : ((parent as ShadowRoot | null)?.host ?? null);
  }
  return true;
}

/** Every element a candidate selects, in document order per scope. */
export function queryCandidate(doc: Document, candidate: Candidate): Element[] {
  if (candidate.frame) {
    const found: Element[] = [];
    for (const frame of Array.from(doc.querySelectorAll(candidate.frame))) {
      let inner: Document | null = null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument; // null or throws when cross-origin
      } catch {
        inner = null;
      }
      if (inner) found.push(...Array.from(inner.querySelectorAll(candidate.selector)));
    }
    return found;
  }
  if (candidate.shadowHost) {
    const found: Element[] = [];
    for (const host of Array.from(doc.querySelectorAll(candidate.shadowHost))) {
      if (host.shadowRoot) found.push(...Array.from(host.shadowRoot.querySelectorAll(candidate.selector)));
    }
    return found;
  }
  return Array.from(doc.querySelectorAll(candidate.selector));
}

function placeholderOf(el: Element): string {
  return el.getAttribute('placeholder') ?? el.getAttribute('data-placeholder') ?? '';
}

function passes(el: Element, spec: FieldSpec): boolean {
  const v = spec.validate;
  if (!v) return true;
  if (v.exclude?.some((sel) => el.closest(sel))) return false;
  if (v.placeholder && !v.placeholder.test(placeholderOf(el))) return false;
  if (v.visible && !isVisible(el)) return false;
  return true;
}

export function locateField(doc: Document, spec: FieldSpec): LocatedField | FieldProblem {
  for (const candidate of spec.candidates) {
    const matches = queryCandidate(doc, candidate).filter((el) => passes(el, spec));
    if (matches.length === 1) return { spec, element: matches[0], candidate };
    if (matches.length > 1) return { spec, problem: 'ambiguous', count: matches.length };
  }
  return { spec, problem: 'missing', count: 0 };
}

export function locateSurface(doc: Document, surface: Surface): SurfaceLocation {
  const fields: LocatedField[] = [];
  const problems: FieldProblem[] = [];
  for (const spec of surface.fields) {
    const result = locateField(doc, spec);
    if ('element' in result) fields.push(result);
    else if (spec.required || result.problem === 'ambiguous') problems.push(result);
  }
  return { surface, fields, problems, ok: problems.length === 0 };
}

const BUTTON_LIKE = 'button, a, [role="button"], input[type="submit"], input[type="button"]';

function controlText(el: Element): string {
  const text = el.tagName === 'INPUT' ? (el as HTMLInputElement).value : el.textContent ?? '';
  return text.replace(/\s+/g, '');
}

function isControl(el: Element, control: PublishControl, bySelector: boolean): boolean {
  if (bySelector ? !control.selectors.some((sel) => el.matches(sel)) : !el.matches(BUTTON_LIKE)) return false;
  if (!control.texts.includes(controlText(el))) return false;
  if (control.within && !el.closest(control.within)) return false;
  // A control found by its text alone must be on screen: hidden dialog templates carry the same words.
  if ((control.visibleOnly || !bySelector) && !isVisible(el)) return false;
  return true;
}

export interface ControlHit {
  control: PublishControl;
  element: Element;
}

/**
 * The publish control on an event path (composedPath(), so shadow DOM is covered). Matching by text keeps
 * working when the selectors go stale, which is exactly when the page is shown as "adapter out of date".
 */
export function findPublishControl(surface: Surface, path: readonly EventTarget[]): ControlHit | undefined {
  for (const target of path) {
    if (!isElement(target)) continue;
    // The control whose selector matches wins; text alone is the fallback for stale selectors.
    for (const bySelector of [true, false])
      for (const control of surface.publish) if (isControl(target, control, bySelector)) return { control, element: target };
    if (target.tagName === 'BODY') break;
  }
  return undefined;
}
