// Pitch segments marked inside real article pages (served as mp.weixin.qq.com) in real Chromium: a
// service article's course footer and a promotional article's sales lines are marked; collapse and
// off, chosen in the options page or on the marker itself, work, reach open pages and outlast a
// reload; a folded segment opens from the keyboard. The shipped build shows the same while the page
// can read no verdict, no choice and no size change off the DOM.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { classify } from '../../src/core/classify';
import { extractArticle } from '../../src/extract';
import { PageScripts, readInlineVars } from '../../src/extract/inline-vars';
import { loadFixture, parseDocument } from '../helpers/dom';
import { eventually, FIXTURES, RELEASE_DIST, fileRoutes, launch, type Extension, type Route } from './harness';

const XUANYUAN = 'article_2025_reprint-share-with-course-footer_xuanyuan_service.html';
const CLOTHING = 'article_2018_clothing-product-list_huanxi-xiangce_promotional.unescaped.derived.html';
const PLAIN = 'article_2018_platform-announcement_weixinpai_service.html';
const TEXT_SHARE = 'share-text_2023_type10-618-course-sale_jinbang-shidai_promotional.html';
const url = (f: string) => `http://mp.weixin.qq.com/s/${f}`;

/**
 * The text share as a reader's browser shows it: WeChat's own script (from its CDN, which tests cannot
 * reach) writes the message into `#js_text_desc`, a `<br>` per line break. Here a script does the same.
 */
const textShareHtml = (() => {
  const raw = readFileSync(join(FIXTURES, TEXT_SHARE), 'utf8');
  const { content } = readInlineVars(new PageScripts(parseDocument(raw)), { content: { markers: [], objectKeys: ['content_noencode'], required: true } });
  const shown = (content ?? '').replace(/\r/g, '').replace(/\n/g, '<br>');
  return raw.replace('</body>', `<script>document.getElementById('js_text_desc').innerHTML = ${JSON.stringify(shown).replace(/</g, '\\u003c')};</script></body>`);
})();

/** What Node-side extraction and the classifier say of a page: its segments as body lines. */
function expected(doc: Document) {
  const r = extractArticle(doc, 'https://mp.weixin.qq.com/s/x');
  if (!r.ok) throw new Error(r.message);
  const verdict = classify({ title: r.article.title, body: r.article.body, cues: r.article.cues });
  const lines = r.article.body.split('\n');
  return { verdict, segments: verdict.segments.map((s) => lines.slice(s.start, s.end + 1)) };
}

const pages: Record<string, string> = {};
for (const f of [XUANYUAN, CLOTHING, PLAIN]) pages[`/s/${f}`] = join(FIXTURES, f);
const route: Route = (host, path) => {
  if (host === 'mp.weixin.qq.com' && path === `/s/${TEXT_SHARE}`) return { body: textShareHtml };
  return fileRoutes(pages)(host, path);
};

const squash = (s: string): string => s.replace(/[\s\u200b\u2060]+/g, '');
const host = '#declutter-for-wechat';
const hostAttr = (page: Page, name: string) => page.getAttribute(host, name);
/** The marked paragraphs, in document order: segment index and text. */
const marked = (page: Page) =>
  page.$$eval('[data-declutter-pitch]', (els) => els.map((e) => ({ segment: Number(e.getAttribute('data-declutter-pitch')), text: e.textContent ?? '' })));
// The test build opens the shadow root, so these reach the marker's own elements.
const chips = (page: Page) => page.locator(`${host} .chip`);
const folds = (page: Page) => page.locator('button.open');

/** Picks a display choice in the options page, by the label the reader clicks. */
async function chooseInOptions(ext: Extension, mode: 'mark' | 'collapse' | 'off', label: string): Promise<void> {
  const options = await ext.popup('options/index.html');
  await options.waitForSelector('[data-testid="pitch-display"]');
  const choice = options.locator('label.choice', { has: options.locator(`input[value="${mode}"]`) });
  await expect(choice.locator('.choice-name').textContent()).resolves.toBe(label);
  const already = (await options.getAttribute('[data-testid="pitch-display"]', 'data-value')) === mode;
  await choice.click();
  if (!already) await options.waitForSelector('.status.ok');
  expect(await options.getAttribute('[data-testid="pitch-display"]', 'data-value')).toBe(mode);
  await options.close();
}

let ext: Extension;
beforeAll(async () => {
  ext = await launch({ route });
});
afterAll(async () => ext?.close());

describe('pitch segments are marked on the page', () => {
  test('a service article keeps its verdict and gets its course footer marked', async () => {
    const want = expected(loadFixture(XUANYUAN));
    expect(want.verdict.label).toBe('service');
    const page = await ext.page();
    await ext.visit(page, url(XUANYUAN));
    expect(await hostAttr(page, 'data-declutter-verdict')).toBe('service');
    expect(await hostAttr(page, 'data-declutter-pitch-segments')).toBe(String(want.segments.length));
    expect(await hostAttr(page, 'data-declutter-pitch-mode')).toBe('mark');
    const paragraphs = await marked(page);
    // The footer ends the article: its course paragraph is marked, and nothing in the article's
    // first three quarters is.
    const course = paragraphs.findIndex((p) => p.text.includes('最后日常推荐一下我的知识星球'));
    expect(course).toBeGreaterThanOrEqual(0);
    const body = squash((await page.textContent('#js_content')) ?? '');
    for (const p of paragraphs) expect(body.indexOf(squash(p.text))).toBeGreaterThanOrEqual(0.75 * body.length);
    // Exactly the classifier's lines, one marker per segment, in the margin.
    expect(squash(paragraphs.map((p) => p.text).join(''))).toBe(squash(want.segments.flat().join('')));
    await expect(chips(page).count()).resolves.toBe(want.segments.length);
    await expect(chips(page).first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  test('a promotional article gets each of its segments, paragraph by paragraph', async () => {
    const want = expected(loadFixture(CLOTHING));
    expect(want.verdict.label).toBe('promotional');
    expect(want.segments.length).toBeGreaterThan(0);
    const page = await ext.page();
    await ext.visit(page, url(CLOTHING));
    expect(await hostAttr(page, 'data-declutter-verdict')).toBe('promotional');
    expect(await hostAttr(page, 'data-declutter-pitch-segments')).toBe(String(want.segments.length));
    const paragraphs = await marked(page);
    want.segments.forEach((lines, k) => {
      const mine = paragraphs.filter((p) => p.segment === k).map((p) => p.text);
      expect(squash(mine.join('')), `segment ${k}`).toBe(squash(lines.join('')));
    });
    await expect(chips(page).count()).resolves.toBe(want.segments.length);
    await page.close();
  });

  test('a text share, once the page shows its message, is marked in the margin (its lines share one block)', async () => {
    const doc = parseDocument(textShareHtml);
    const want = expected(doc);
    expect(want.segments.length).toBeGreaterThan(0);
    const page = await ext.page();
    await ext.visit(page, url(TEXT_SHARE));
    expect(await hostAttr(page, 'data-declutter-pitch-segments')).toBe(String(want.segments.length));
    expect(await marked(page)).toEqual([]);
    await expect(chips(page).count()).resolves.toBe(want.segments.length);
    await page.close();
  });

  test('an article without a pitch segment says 0 and shows no marker', async () => {
    expect(expected(loadFixture(PLAIN)).segments).toEqual([]);
    const page = await ext.page();
    await ext.visit(page, url(PLAIN));
    expect(await hostAttr(page, 'data-declutter-pitch-segments')).toBe('0');
    await expect(chips(page).count()).resolves.toBe(0);
    await page.close();
  });
});

describe('the reader chooses: mark, collapse or off', () => {
  test('collapse, chosen in the options page, folds the open page, outlasts a reload, and opens by keyboard', async () => {
    const page = await ext.page();
    await ext.visit(page, url(XUANYUAN));
    const course = page.locator('[data-declutter-pitch]').first();
    await expect(course.isVisible()).resolves.toBe(true);

    await chooseInOptions(ext, 'collapse', '折叠');
    // The open page follows at once.
    expect(await eventually(() => hostAttr(page, 'data-declutter-pitch-mode'), (m) => m === 'collapse')).toBe('collapse');
    await expect(course.isHidden()).resolves.toBe(true);
    const want = expected(loadFixture(XUANYUAN));
    await expect(folds(page).textContent()).resolves.toBe(`推广内容 · ${want.segments[0]!.length} 段 · 展开`);

    await page.reload();
    await page.waitForSelector('[data-declutter-recorded]', { state: 'attached' });
    expect(await hostAttr(page, 'data-declutter-pitch-mode')).toBe('collapse');
    await expect(page.locator('[data-declutter-pitch]').first().isHidden()).resolves.toBe(true);
    // The rest of the article stays.
    await expect(page.locator('#activity-name').isVisible()).resolves.toBe(true);

    // Keyboard: focus the folded line and press Enter; the segment opens, marked, focus on its marker.
    await folds(page).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-declutter-pitch]').first().isVisible()).resolves.toBe(true);
    await expect(folds(page).count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('declutter-for-wechat');
    await expect(chips(page).evaluate((c) => c.getRootNode() instanceof ShadowRoot && (c.getRootNode() as ShadowRoot).activeElement === c)).resolves.toBe(true);

    // Its marker folds it again, still by keyboard: Enter opens the menu, the last item is "fold again".
    await page.keyboard.press('Enter');
    await page.locator(`${host} .menu button.fold-again`).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-declutter-pitch]').first().isHidden()).resolves.toBe(true);
    await expect(folds(page).count()).resolves.toBe(1);
    await page.close();
  });

  test('off, chosen on the marker itself, removes it, outlasts a reload and shows in the options page', async () => {
    await chooseInOptions(ext, 'mark', '标记');
    const page = await ext.page();
    await ext.visit(page, url(XUANYUAN));
    expect(await hostAttr(page, 'data-declutter-pitch-mode')).toBe('mark');
    await chips(page).first().click();
    const menu = page.locator(`${host} .menu`).first();
    await expect(menu.isVisible()).resolves.toBe(true);
    await expect(menu.locator('button[aria-pressed="true"]').textContent()).resolves.toBe('标记');
    await menu.locator('button[data-mode="off"]').click();
    expect(await hostAttr(page, 'data-declutter-pitch-mode')).toBe('off');
    await expect(chips(page).count()).resolves.toBe(0);
    await expect(page.locator('[data-declutter-pitch]').first().isVisible()).resolves.toBe(true);

    const options = await ext.popup('options/index.html');
    await options.waitForSelector('[data-testid="pitch-display"]');
    expect(await eventually(() => options.getAttribute('[data-testid="pitch-display"]', 'data-value'), (v) => v === 'off')).toBe('off');
    await options.close();

    await page.reload();
    await page.waitForSelector('[data-declutter-recorded]', { state: 'attached' });
    expect(await hostAttr(page, 'data-declutter-pitch-mode')).toBe('off');
    await expect(chips(page).count()).resolves.toBe(0);
    // The segment is still known to the page's test hooks; only nothing is drawn.
    expect(await hostAttr(page, 'data-declutter-pitch-segments')).toBe('1');

    // Back to mark from the options page: the open page draws its marker again.
    await chooseInOptions(ext, 'mark', '标记');
    expect(await eventually(() => chips(page).count(), (n) => n === 1)).toBe(1);
    await page.close();
  });

  test('collapse from the marker\'s own menu, by keyboard', async () => {
    await chooseInOptions(ext, 'mark', '标记');
    const page = await ext.page();
    await ext.visit(page, url(XUANYUAN));
    await chips(page).first().focus();
    await page.keyboard.press('Enter');
    await page.locator(`${host} .menu button[data-mode="collapse"]`).focus();
    await page.keyboard.press('Enter');
    expect(await hostAttr(page, 'data-declutter-pitch-mode')).toBe('collapse');
    await expect(page.locator('[data-declutter-pitch]').first().isHidden()).resolves.toBe(true);
    const again = await ext.page();
    await ext.visit(again, url(XUANYUAN));
    expect(await hostAttr(again, 'data-declutter-pitch-mode')).toBe('collapse');
    await chooseInOptions(ext, 'mark', '标记');
    await page.close();
    await again.close();
  });
});

describe('the shipped build: the page learns nothing from names or sizes', () => {
  let shipped: Extension;
  beforeAll(async () => {
    shipped = await launch({ route, dir: RELEASE_DIST });
  });
  afterAll(async () => shipped?.close());

  /** Every attribute name on the page's elements, and what the page can measure of our host. */
  const pageView = (page: Page) =>
    page.evaluate(() => {
      const names = new Set<string>();
      for (const e of document.querySelectorAll('*')) for (const a of e.getAttributeNames()) names.add(a);
      const h = document.getElementById('declutter-for-wechat');
      const r = h?.getBoundingClientRect();
      return {
        names: [...names],
        host: h ? { attrs: h.getAttributeNames(), w: r!.width, h: r!.height, open: h.shadowRoot !== null, scroll: [h.scrollWidth, h.scrollHeight] } : null,
        marks: performance.getEntries().filter((e) => e.name.includes('declutter')).length,
        title: document.getElementById('activity-name')?.getBoundingClientRect().top ?? null,
        styles: [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').filter((t) => /display: none !important/.test(t)),
      };
    });
  /** Elements hidden under an attribute the page did not write (ours has a random name). */
  const hiddenByUs = (page: Page, before: string[]) =>
    page.evaluate((known) => {
      const out: string[] = [];
      for (const e of document.querySelectorAll('*')) for (const a of e.getAttributeNames()) if (!known.includes(a) && getComputedStyle(e).display === 'none') out.push(a);
      return [...new Set(out)];
    }, before);

  test('marking and folding write no readable name, no timing mark, and never move the article', async () => {
    const page = await shipped.page();
    await page.goto(url(XUANYUAN), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(host, { state: 'attached' });
    await page.waitForTimeout(1500);
    const marked = await pageView(page);
    expect(marked.host).toEqual({ attrs: ['id', 'style'], w: 0, h: 0, open: false, scroll: [0, 0] });
    expect(marked.marks).toBe(0);
    expect(marked.names.filter((n) => /declutter|pitch|promo|verdict|mute/i.test(n))).toEqual([]);

    // Collapse: the footer's page nodes go under a random attribute, hidden by one stylesheet.
    const options = await shipped.popup('options/index.html');
    await options.waitForSelector('[data-testid="pitch-display"]');
    await options.locator('input[value="collapse"]').check();
    await options.waitForSelector('.status.ok');
    await options.close();
    const hidden = await eventually(() => hiddenByUs(page, marked.names), (a) => a.length > 0);
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatch(/^data-[x0-9a-f][0-9a-f]{7}$/);
    const folded = await pageView(page);
    expect(folded.styles).toEqual([`[${hidden[0]}] { display: none !important; }`]);
    expect(folded.names.filter((n) => /declutter|pitch|promo|verdict|mute/i.test(n))).toEqual([]);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('最后日常推荐一下我的知识星球');

    // Another page load draws the same fold under another name.
    await page.reload({ waitUntil: 'domcontentloaded' });
    const known = await page.evaluate(() => [...new Set([...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()))]);
    const next = await eventually(() => hiddenByUs(page, known), (a) => a.length > 0);
    expect(next).toHaveLength(1);
    expect(next[0]).not.toBe(hidden[0]);
    await page.close();
  });

  test('a muted account changes nothing the page can measure: the host stays boxless, the title stays put', async () => {
    const page = await shipped.page();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(url(PLAIN), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(host, { state: 'attached' });
    await page.waitForTimeout(1500);
    const before = await pageView(page);
    const corner = async () => page.screenshot({ clip: { x: 1280 - 480, y: 720 - 220, width: 480, height: 220 } });
    const cornerBefore = await corner();
    const biz = extractArticle(loadFixture(PLAIN), 'https://mp.weixin.qq.com/s/x');
    if (!biz.ok) throw new Error('unreadable');
    const popup = await shipped.popup();
    const reply = await popup.evaluate(async (accountId) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime;
      return runtime.sendMessage({ type: 'account/mute', accountId, name: '微信派', duration: 'never' });
    }, biz.article.accountId);
    expect(reply.ok).toBe(true);
    await popup.close();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector(host, { state: 'attached' });
    await page.waitForTimeout(1500);
    // The banner shows (inside the closed shadow root, so only pixels tell), yet the page measures the same.
    expect((await corner()).equals(cornerBefore)).toBe(false);
    const after = await pageView(page);
    expect(after.host).toEqual(before.host);
    expect(after.title).toBe(before.title);
    expect(after.names).toEqual(before.names);
    await page.close();
  });
});
