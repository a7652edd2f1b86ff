// The popup in real Chromium over pages served under the real host names: after reading a mostly
// promotional account and a service account, only the first is suggested for muting; one click
// mutes it, and its article page shows the banner and a list page hides its items; Undo restores
// both. The reader's language picks the UI's (zh-CN by default, en-US in English).
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hiddenNames, hostAttr as hostAttrIn, pages, promo, promoPage, route, service, SOGOU_URL } from './demo-site';
import { eventually, launch, listScriptRan, type Extension } from './harness';

/**
 * Chromium on Linux takes its UI language (and so `chrome.i18n`'s) from LANGUAGE, and needs the
 * language's pack (apt `chromium-l10n`); `--lang` alone leaves headless Chromium in en-US.
 */
async function launchIn(locale: 'zh-CN' | 'en-US'): Promise<Extension> {
  process.env['LANGUAGE'] = locale.replace('-', '_');
  return launch({ route, locale });
}

async function readAll(ext: Extension): Promise<void> {
  const page = await ext.page();
  for (const p of pages) await ext.visit(page, `http://mp.weixin.qq.com${p.path}`);
  await page.close();
  await eventually(ext.dump, (d) => d.articles.length === pages.length);
}

async function openPopup(ext: Extension): Promise<Page> {
  const popup = await ext.popup();
  await popup.setViewportSize({ width: 400, height: 600 });
  // `cached` is the remembered snapshot; `ready` is the fresh read of IndexedDB.
  await popup.waitForSelector('.popup[data-state="ready"]');
  return popup;
}

const hostAttr = (page: Page, name: string) => page.evaluate(hostAttrIn, name);
const hiddenItems = (page: Page) => page.evaluate(hiddenNames);

let ext: Extension | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  delete process.env['LANGUAGE'];
});

test('Chromium has the Chinese language pack the locale tests need', () => {
  expect(existsSync('/usr/lib/chromium/locales/zh-CN.pak') || !!process.env['CHROMIUM_PATH'], 'apt-get install -y chromium-l10n').toBe(true);
});

describe('suggest, mute, undo', () => {
  test('only the promotional account is suggested; Mute shows the banner and hides its list items; Undo restores both', async () => {
    ext = await launchIn('zh-CN');
    await readAll(ext);
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
    const reason = await popup.textContent('[data-testid="suggestion"] .reason');
    expect(reason).toMatch(/^最近 \d+ 篇中有 \d+ 篇是推广$/);

    // The article and list pages are open before the click: they follow the mute live.
    const article = await ext.page();
    await ext.visit(article, `http://mp.weixin.qq.com${promoPage.path}`);
    expect(await hostAttr(article, 'data-declutter-muted')).toBeNull();
    const list = await ext.page();
    await list.goto(SOGOU_URL);
    await listScriptRan(list);
    expect(await hiddenItems(list)).toEqual([]);

    await popup.bringToFront();
    await popup.click('[data-testid="suggestion"] [data-testid="mute-button"]');
    await popup.waitForSelector('[data-testid="undo"]');
    expect(await popup.$('[data-testid="suggestion"]')).toBeNull();
    expect(await popup.getAttribute(`[data-testid="account-row"][data-account-id="${promo.biz}"]`, 'data-muted')).toBe('true');

    expect(await eventually(() => hostAttr(article, 'data-declutter-muted'), (v) => v === 'true')).toBe('true');
    const hidden = await eventually(() => hiddenItems(list), (v) => v.length > 0);
    const promoItems = pages.filter((p) => p.account === promo).length;
    expect(hidden).toEqual(Array(promoItems).fill(promo.name));

    // A reopened popup still offers Undo (the popup closes whenever the reader clicks a page).
    await popup.close();
    const again = await openPopup(ext);
    expect(await again.textContent('[data-testid="undo-bar"]')).toContain(`已屏蔽「${promo.name}」`);
    await again.click('[data-testid="undo"]');
    await again.waitForSelector('[data-testid="undo"]', { state: 'detached' });
    expect(await again.$$eval('[data-testid="suggestion"]', (els) => els.map((e) => (e as HTMLElement).dataset['accountId']))).toEqual([promo.biz]);

    expect(await eventually(() => hostAttr(article, 'data-declutter-muted'), (v) => v === null)).toBeNull();
    expect(await eventually(() => hiddenItems(list), (v) => v.length === 0)).toEqual([]);
    // And on a fresh load of each page.
    await article.reload();
    // The mute is read once the worker has answered the page's report.
    await article.waitForSelector('[data-declutter-recorded]', { state: 'attached' });
    expect(await hostAttr(article, 'data-declutter-muted')).toBeNull();
    await list.reload();
    await listScriptRan(list);
    expect(await hiddenItems(list)).toEqual([]);
  });
});

describe('language', () => {
  test('Chinese for a Chinese browser', async () => {
    ext = await launchIn('zh-CN');
    await readAll(ext);
    const popup = await openPopup(ext);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await popup.textContent('h1')).toBe('公众号清理助手');
    expect(await popup.textContent('#suggestions-title')).toContain('建议');
    expect(await popup.textContent('[data-testid="mute-button"]')).toBe('屏蔽 30 天');
  });

  test('English for an English browser', async () => {
    ext = await launchIn('en-US');
    await readAll(ext);
    const popup = await openPopup(ext);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    expect(await popup.textContent('h1')).toBe('Declutter for WeChat');
    expect(await popup.textContent('#suggestions-title')).toContain('Suggestions');
    expect(await popup.textContent('[data-testid="mute-button"]')).toBe('Mute 30 days');
    expect(await popup.textContent('[data-testid="suggestion"] .reason')).toMatch(/^\d+ of the last \d+ articles (were|was) promotional$/);
    // A mute from the English popup reaches the article page the same way.
    await popup.click('[data-testid="mute-button"]');
    const article = await ext.page();
    await ext.visit(article, `http://mp.weixin.qq.com${promoPage.path}`);
    await eventually(() => hostAttr(article, 'data-declutter-muted'), (v) => v === 'true');
    expect(await hostAttr(article, 'data-declutter-muted')).toBe('true');
  });
});
