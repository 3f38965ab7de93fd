/**
 * Site adapters are data: where a console's editor pages are, how to find each draft field (ordered candidate
 * locators, newest page variant first), how to tell the right element from look-alikes, and which controls
 * publish. The engine that reads this data is locate.ts; nothing in an adapter touches extension APIs.
 */
import type { FieldName, Platform } from '../core/types';

/** URL test; every given part must match. */
export interface RoutePattern {
  hosts: readonly string[];
  /** Tested against location.pathname. */
  path?: RegExp;
  /** Each query parameter must match (string = exact). */
  query?: Readonly<Record<string, string | RegExp>>;
  /** Tested against location.hash. */
  hash?: RegExp;
}

export interface Candidate {
  /** Page variant this locator was written for (and when it was seen), e.g. 'ProseMirror light DOM, 2026'. */
  variant: string;
  /** CSS selector, evaluated in the scope below. */
  selector: string;
  /** Search inside the open shadow roots of elements matching this selector. */
  shadowHost?: string;
  /** Search inside the documents of same-origin iframes matching this selector. */
  frame?: string;
}

export interface Validation {
  /** The element must be rendered (not display:none / visibility:hidden / zero-size). */
  visible?: boolean;
  /** Placeholder text (placeholder or data-placeholder attribute) must match. */
  placeholder?: RegExp;
  /** Excluded when the element matches or sits inside any of these (look-alikes, traps). */
  exclude?: readonly string[];
}

export interface FieldSpec {
  name: FieldName;
  /** zh-CN label shown in the sidebar. */
  label: string;
  candidates: readonly Candidate[];
  validate?: Validation;
  /** A required field that cannot be located means the adapter is out of date (publishing stays held). */
  required: boolean;
  /** Subtrees inside the field that are not draft content (placeholders, preview copies). */
  skip?: readonly string[];
  /** Inline islands read as one token (topic chips). */
  atoms?: readonly string[];
  /** Ctrl/⌘+Enter inside this field publishes. */
  keyboardSubmit?: boolean;
}

export interface PublishControl {
  /** zh-CN name of the control, e.g. '发表' or '继续发表'. */
  label: string;
  /** Step of the publish flow: 1 = the first button, 2+ = buttons of the dialogs that follow. */
  step: number;
  /** Element selectors (ids and stable classes), newest first. */
  selectors: readonly string[];
  /** The control's trimmed text must be one of these (also the fallback when selectors stop matching). */
  texts: readonly string[];
  /** Only rendered controls count (dialog templates stay in the DOM hidden). */
  visibleOnly?: boolean;
  /** Limits the control to a container (e.g. the composer, not the comment boxes). */
  within?: string;
}

export interface Surface {
  id: string;
  /** zh-CN name shown in the sidebar, e.g. '公众号图文编辑'. */
  label: string;
  route: RoutePattern;
  fields: readonly FieldSpec[];
  publish: readonly PublishControl[];
}

export interface Adapter {
  platform: Exclude<Platform, 'generic'>;
  /** zh-CN platform name. */
  label: string;
  /** Every host the content script runs on for this console. */
  hosts: readonly string[];
  surfaces: readonly Surface[];
  /** Stable draft id from the URL, for the review log ('new' when there is none). */
  draftId(url: URL): string;
}
