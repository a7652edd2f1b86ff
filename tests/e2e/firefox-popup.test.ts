// The popup and options in real Firefox ESR over the same pages as in Chromium: after reading a mostly
// promotional account and a service account, only the first is suggested for muting; one click mutes
// it, its article page shows the banner and a Sogou page hides its items; Undo restores both. The UI
// follows Firefox's language (Chinese by default). And where Firefox's storage.sync refuses an item
// (its quota, kept as in Chrome), a mute still lands, in storage.local.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { hiddenNames, hostAttr as hostAttrIn, pages, promo, promoPage, route, service, SOGOU_URL } from './demo-site';
import { launchFirefox, listScriptRanIn, type ExtensionGlobal, type FirefoxExtension, type Locale } from './firefox-harness';
import { eventually } from './harness';

async function readAll(ext: FirefoxExtension): Promise<void> {
  const page = await ext.page();
  for (const p of pages) await ext.visit(page, `http://mp.weixin.qq.com${p.path}`);
  await page.close();
  await eventually(ext.dump, (d) => d.articles.length === pages.length);
}

async function openPopup(ext: FirefoxExtension): Promise<Page> {
  const popup = await ext.popup();
  await popup.setViewport({ width: 400, height: 600 });
  // `cached` is the remembered snapshot; `ready` is the fresh read of IndexedDB.
  await popup.waitForSelector('.popup[data-state="ready"]');
  return popup;
}

const hostAttr = (page: Page, name: string) => page.evaluate(hostAttrIn, name);
const hiddenItems = (page: Page) => page.evaluate(hiddenNames);
const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent);

async function launchIn(locale: Locale): Promise<FirefoxExtension> {
  const ext = await launchFirefox({ route, locale });
  await readAll(ext);
  return ext;
}

describe('in a Chinese Firefox', () => {
  let ext: FirefoxExtension;
  beforeAll(async () => {
    ext = await launchIn('zh-CN');
  });
  afterAll(async () => ext?.close());

  test('only the promotional account is suggested; Mute shows the banner and hides its Sogou items; Undo restores both', async () => {
    const popup = await openPopup(ext);
    const rows = await popup.$$eval('[data-testid="account-row"]', (els) =>
      els.map((e) => {
        const d = (e as HTMLElement).dataset;
        return { id: d['accountId'], name: d['accountName'], articles: Number(d['articles']), ratio: Number(d['promoRatio']) };
      }),
    );
    expect(rows.map((r) => r.name).sort()).toEqual([promo.name, service.name].sort());
    const promoRow = rows.find((r) => r.name === promo.name)!;
    const serviceRow = rows.find((r) => r.name === service.name)!;
    expect(promoRow.id).toBe(promo.biz);
    expect(promoRow.articles).toBe(promo.articles.length);
    expect(promoRow.ratio).toBeGreaterThan(0.6);
    expect(serviceRow.ratio).toBeLessThan(0.3);

    const suggestions = await popup.$$eval('[data-testid="suggestion"]', (els) => els.map((e) => [(e as HTMLElement).dataset['accountId'], (e as HTMLElement).dataset['action']]));
    expect(suggestions).toEqual([[promo.biz, 'mute']]);
    expect(await text(popup, '[data-testid="suggestion"] .reason')).toMatch(/^最近 \d+ 篇中有 \d+ 篇是推广$/);

    // The article and list pages are open before the click: they follow the mute live.
    const article = await ext.page();
    await ext.visit(article, `http://mp.weixin.qq.com${promoPage.path}`);
    expect(await hostAttr(article, 'data-declutter-muted')).toBeNull();
    const list = await ext.page();
    await ext.visit(list, SOGOU_URL, { waitForVerdict: false });
    await listScriptRanIn(list);
    expect(await hiddenItems(list)).toEqual([]);

    await popup.bringToFront();
    await popup.click('[data-testid="suggestion"] [data-testid="mute-button"]');
    await popup.waitForSelector('[data-testid="undo"]');
    expect(await popup.$('[data-testid="suggestion"]')).toBeNull();
    expect(await popup.$eval(`[data-testid="account-row"][data-account-id="${promo.biz}"]`, (e) => e.getAttribute('data-muted'))).toBe('true');

    expect(await eventually(() => hostAttr(article, 'data-declutter-muted'), (v) => v === 'true')).toBe('true');
    const hidden = await eventually(() => hiddenItems(list), (v) => v.length > 0);
    expect(hidden).toEqual(Array(pages.filter((p) => p.account === promo).length).fill(promo.name));

    // A reopened popup still offers Undo.
    await popup.close();
    const again = await openPopup(ext);
    expect(await text(again, '[data-testid="undo-bar"]')).toContain(`已屏蔽「${promo.name}」`);
    await again.click('[data-testid="undo"]');
    await again.waitForSelector('[data-testid="undo"]', { hidden: true });
    expect(await again.$$eval('[data-testid="suggestion"]', (els) => els.map((e) => (e as HTMLElement).dataset['accountId']))).toEqual([promo.biz]);

    expect(await eventually(() => hostAttr(article, 'data-declutter-muted'), (v) => v === null)).toBeNull();
    expect(await eventually(() => hiddenItems(list), (v) => v.length === 0)).toEqual([]);
    // And on a fresh load of each page.
    await ext.visit(article, `http://mp.weixin.qq.com${promoPage.path}`);
    expect(await hostAttr(article, 'data-declutter-muted')).toBeNull();
    await ext.visit(list, SOGOU_URL, { waitForVerdict: false });
    await listScriptRanIn(list);
    expect(await hiddenItems(list)).toEqual([]);
    for (const p of [again, article, list]) await p.close();
  });

  test('the popup and the options page are in Chinese', async () => {
    const popup = await openPopup(ext);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await text(popup, 'h1')).toBe('公众号清理助手');
    expect(await text(popup, '#suggestions-title')).toContain('建议');
    expect(await text(popup, '[data-testid="mute-button"]')).toBe('屏蔽 30 天');
    await popup.close();

    const options = await ext.popup('options/index.html');
    await options.waitForSelector('h1');
    expect(await options.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['zh-CN', '公众号清理助手 · 设置']);
    expect(await text(options, 'h1')).toBe('公众号清理助手');
    await options.close();
  });

  test('with storage.sync full (Firefox keeps its 512-item quota without an account), a mute lands in storage.local and still works', async () => {
    // A reader who has already muted 512 other accounts: storage.sync holds as many items as it allows.
    const refused = await ext.control.evaluate(async () => {
      const { storage } = (globalThis as unknown as ExtensionGlobal).browser;
      const items: Record<string, unknown> = {};
      for (let i = 0; i < 512; i++) items[`mute:MzFiller${i}`] = { name: `已屏蔽账号${i}`, since: Date.now(), until: null };
      await storage.sync.set(items);
      return storage.sync.set({ 'mute:MzOneMore': { name: '再一个', since: Date.now(), until: null } }).then(
        () => null,
        (e: Error) => e.message,
      );
    });
    expect(refused).toMatch(/quota/i);

    const article = await ext.page();
    await ext.visit(article, `http://mp.weixin.qq.com${promoPage.path}`);
    expect(await hostAttr(article, 'data-declutter-muted')).toBeNull();
    const popup = await openPopup(ext);
    await popup.click('[data-testid="suggestion"] [data-testid="mute-button"]');
    await popup.waitForSelector('[data-testid="undo"]');
    expect(await eventually(() => hostAttr(article, 'data-declutter-muted'), (v) => v === 'true')).toBe('true');
    const where = () =>
      ext.control.evaluate(async (key) => {
        const { storage } = (globalThis as unknown as ExtensionGlobal).browser;
        return { sync: key in (await storage.sync.get(key)), local: key in (await storage.local.get(key)) };
      }, `mute:${promo.biz}`);
    expect(await where()).toEqual({ sync: false, local: true });

    await popup.click('[data-testid="undo"]');
    await popup.waitForSelector('[data-testid="undo"]', { hidden: true });
    expect(await eventually(() => hostAttr(article, 'data-declutter-muted'), (v) => v === null)).toBeNull();
    expect(await where()).toEqual({ sync: false, local: false });
    for (const p of [popup, article]) await p.close();
  });
});

describe('in an English Firefox', () => {
  let ext: FirefoxExtension;
  beforeAll(async () => {
    ext = await launchIn('en-US');
  });
  afterAll(async () => ext?.close());

  test('the popup and the options page are in English, and a mute from it reaches the article page', async () => {
    const popup = await openPopup(ext);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    expect(await text(popup, 'h1')).toBe('Declutter for WeChat');
    expect(await text(popup, '#suggestions-title')).toContain('Suggestions');
    expect(await text(popup, '[data-testid="suggestion"] .reason')).toMatch(/^\d+ of the last \d+ articles (were|was) promotional$/);
    expect(await text(popup, '[data-testid="mute-button"]')).toBe('Mute 30 days');
    await popup.click('[data-testid="mute-button"]');
    await popup.waitForSelector('[data-testid="undo"]');
    const article = await ext.page();
    await ext.visit(article, `http://mp.weixin.qq.com${promoPage.path}`);
    expect(await eventually(() => hostAttr(article, 'data-declutter-muted'), (v) => v === 'true')).toBe('true');

    const options = await ext.popup('options/index.html');
    await options.waitForSelector('h1');
    expect(await options.evaluate(() => document.title)).toBe('Declutter for WeChat · Settings');
  });
});
