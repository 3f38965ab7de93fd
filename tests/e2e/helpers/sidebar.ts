/**
 * Finds the product UI by its stable test hooks (DESIGN.md "UI test hooks"). Playwright CSS locators pierce
 * open shadow roots, so `xianshen-sidebar [data-xs=…]` reaches inside the sidebar's shadow root.
 */
import type { Locator, Page } from 'playwright-core';

export type SidebarState = 'screening' | 'clean' | 'problems' | 'held' | 'unsupported';

export const sidebarHost = (page: Page): Locator => page.locator('xianshen-sidebar');
export const statusLine = (page: Page): Locator => page.locator('xianshen-sidebar [data-xs="status"]');

export interface FindingFilter {
  category?: string;
  severity?: string;
  field?: string;
}

export function findingRows(page: Page, filter: FindingFilter = {}): Locator {
  let selector = 'xianshen-sidebar [data-xs="finding"]';
  if (filter.category) selector += `[data-category="${filter.category}"]`;
  if (filter.severity) selector += `[data-severity="${filter.severity}"]`;
  if (filter.field) selector += `[data-field="${filter.field}"]`;
  return page.locator(selector);
}

export async function sidebarState(page: Page): Promise<string | null> {
  return statusLine(page).getAttribute('data-state');
}

/** Waits until the status line shows one of the given states; returns the state reached. */
export async function waitForState(page: Page, states: SidebarState[], timeout = 15_000): Promise<string> {
  const selector = states.map((s) => `xianshen-sidebar [data-xs="status"][data-state="${s}"]`).join(', ');
  await page.locator(selector).first().waitFor({ state: 'attached', timeout });
  return (await sidebarState(page)) ?? '';
}
