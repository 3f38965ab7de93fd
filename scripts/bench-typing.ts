/**
 * Typing latency in a real console page: launches the built extension in Debian's Chromium, opens the WeChat
 * MP fixture at its real URL with a 20,000-character body, types into it and reports the time from each
 * input event (its timeStamp) to the highlights being updated (the content script's repaint), plus the
 * cost of the full debounced re-screen of the whole draft.
 *
 *   npm run --silent bench:typing [-- --chars 80] [--variant light|shadow|iframe] [--picture]
 *
 * --picture puts a 1080×3000 long image at the top of the body: the typing is measured while the picture reader
 * (offscreen document) loads its models and reads it.
 *
 * Needs a build (`npm run build`). Prints a table; no assertions (latency is reported, not tested).
 */
import { launchExtension } from '../tests/e2e/helpers/launch';
import { openConsole } from '../tests/e2e/helpers/consoles';
import { longImage } from '../tests/images/generate';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const CHARS = Number(arg('chars', '80'));
const VARIANT = arg('variant', 'light');
const BODY_CHARS = 20_000;
const PICTURE = args.includes('--picture');

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** A 20k-character article in ~100 paragraphs, with a few findings so there is something to keep painted. */
function articleHtml(): string {
  const sentence = '市政府今天召开新闻发布会，介绍本市便民服务的最新进展和下一步工作安排。';
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < BODY_CHARS; i++) {
    let text = sentence.repeat(5);
    if (i % 25 === 3) text += '有网友称台湾总统将出席活动。';
    if (i % 40 === 7) text += '联系人身份证号11010519491231002X。';
    text = text.slice(0, Math.min(text.length, BODY_CHARS - length));
    length += text.length + 1;
    paragraphs.push(`<p><span leaf="">${text}</span></p>`);
  }
  return paragraphs.join('');
}

const ext = await launchExtension();
try {
  const page = await openConsole(ext.context, 'wechat', { fixtureOptions: { fx_variant: VARIANT } });
  await page.locator('xianshen-sidebar [data-xs="status"]').waitFor({ state: 'attached' });
  await page.evaluate(
    (html) => (window as unknown as { __fixture: { setBodyHTML(h: string): Promise<void> } }).__fixture.setBodyHTML(html),
    (PICTURE ? `<p><img src="data:image/png;base64,${Buffer.from(longImage().png).toString('base64')}"></p>` : '') + articleHtml(),
  );
  const host = page.locator('xianshen-sidebar');
  await page.waitForFunction(() => Number(document.querySelector('xianshen-sidebar')?.getAttribute('data-xs-screen-seq')) >= 1);
  const bodyLength = await page.evaluate(() => {
    const frame = document.querySelector('iframe#ueditor_0') as HTMLIFrameElement | null;
    const root = frame?.contentDocument?.body ?? (window as unknown as { __fixture: { bodyElement: Element } }).__fixture.bodyElement;
    return root.textContent?.length ?? 0;
  });

  // Caret at the end of a paragraph in the middle of the article.
  await page.evaluate(() => {
    const frame = document.querySelector('iframe#ueditor_0') as HTMLIFrameElement | null;
    const doc = frame?.contentDocument ?? document;
    const root = frame?.contentDocument?.body ?? (window as unknown as { __fixture: { bodyElement: HTMLElement } }).__fixture.bodyElement;
    const paragraphs = root.querySelectorAll('p');
    const target = paragraphs[Math.floor(paragraphs.length / 2)].querySelector('span')!.firstChild as Text;
    (root as HTMLElement).focus();
    const range = doc.createRange();
    range.setStart(target, target.length);
    range.collapse(true);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
  });

  const paint: number[] = [];
  const typed = '这是新输入的文字，用于测量输入到高亮更新的延迟。台湾总统。'.repeat(10).slice(0, CHARS);
  for (const ch of typed) {
    const seq = Number((await host.getAttribute('data-xs-paint-seq')) ?? 0);
    await page.keyboard.insertText(ch);
    await page.waitForFunction(
      (prev) => Number(document.querySelector('xianshen-sidebar')?.getAttribute('data-xs-paint-seq')) > prev,
      seq,
    );
    paint.push(Number(await host.getAttribute('data-xs-paint-ms')));
  }
  // Let the debounced full screen run once more and read its cost.
  const screenSeq = Number((await host.getAttribute('data-xs-screen-seq')) ?? 0);
  await page.waitForFunction((prev) => Number(document.querySelector('xianshen-sidebar')?.getAttribute('data-xs-screen-seq')) > prev, screenSeq);
  const screenCost: number[] = [];
  for (let i = 0; i < 5; i++) {
    const seq = Number((await host.getAttribute('data-xs-screen-seq')) ?? 0);
    await page.keyboard.insertText('。');
    await page.waitForFunction((prev) => Number(document.querySelector('xianshen-sidebar')?.getAttribute('data-xs-screen-seq')) > prev, seq);
    screenCost.push(Number(await host.getAttribute('data-xs-screen-cost-ms')));
  }

  const sortedPaint = [...paint].sort((a, b) => a - b);
  const sortedScreen = [...screenCost].sort((a, b) => a - b);
  const row = (name: string, s: number[]) =>
    `${name.padEnd(44)} ${quantile(s, 0.5).toFixed(2).padStart(8)} ${quantile(s, 0.95).toFixed(2).padStart(8)} ${String(s.length).padStart(6)}`;
  const pictureNote = PICTURE ? `, a long image being read (sidebar status after typing: ${await page.locator('xianshen-sidebar [data-xs="status"]').textContent()})` : '';
  console.log(`typing bench: WeChat MP fixture (${VARIANT} body), ${bodyLength} characters, ${CHARS} keystrokes${pictureNote}`);
  console.log(`${'measure'.padEnd(44)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'n'.padStart(6)}   (ms)`);
  console.log(row('input -> highlights updated (every keystroke)', sortedPaint));
  console.log(row('full re-screen of the draft (debounced)', sortedScreen));
  console.log(`target: median input -> highlights under 16 ms (one frame): ${quantile(sortedPaint, 0.5) < 16 ? 'met' : 'NOT met'}`);
} finally {
  await ext.close();
}
