// @vitest-environment node
/** The lint rule behind DESIGN.md "pure core": lib/core and lib/checks may not reach the DOM, extension APIs or WXT. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('purity lint rule', () => {
  it.each([
    ['window.getSelection();', 'no-restricted-globals'],
    ['document.title;', 'no-restricted-globals'],
    ['void browser.runtime.id;', 'no-restricted-globals'],
    ['void chrome.storage;', 'no-restricted-globals'],
    ["import { browser } from 'wxt/browser';\nvoid browser;", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';\nvoid readFileSync;", 'no-restricted-imports'],
  ])('refuses %j in lib/core and lib/checks', async (code, rule) => {
    for (const file of ['lib/core/probe.ts', 'lib/checks/probe.ts']) expect((await problems(file, code)).join('\n')).toContain(rule);
  });

  it('allows the same code outside the pure core', async () => {
    expect(await problems('lib/ext/probe.ts', 'window.getSelection();')).toEqual([]);
  });
});
