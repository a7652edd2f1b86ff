// The open article in real Chromium, over real fixture pages served under mp.weixin.qq.com: the
// toolbar icon of the tab shows a badge on a promotional article and none on a service one, its title
// says the verdict and the top reason, and both go when the tab moves on; the popup opened for that
// tab starts with the article, and a correction from there moves the account's tally.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { classify } from '../../src/core/classify';
import { extractArticle } from '../../src/extract';
import { loadFixture } from '../helpers/dom';
import { eventually, FIXTURES, fileRoutes, launch, type Extension } from './harness';

const PROMO = 'share-text_2023_type10-618-course-sale_jinbang-shidai_promotional.html';
const SERVICE = 'article_2018_news-digest-wxid-username_huashangbao_service.html';
const ERROR = 'error_2025_deleted-by-author.html';
const url = (f: string) => `http://mp.weixin.qq.com/s/${f}`;
/** What the content script will make of each page, worked out in Node by the same code. */
function expected(file: string) {
  const r = extractArticle(loadFixture(file), url(file));
  if (!r.ok) throw new Error(`${file}: ${r.message}`);
  return { ...r.article, verdict: classify(r.article) };
}
const promo = expected(PROMO);
const service = expected(SERVICE);
/** A useful article that ends in a 知识星球 plug: service, with one pitch segment. */
const FOOTER = 'article_2025_reprint-share-with-course-footer_xuanyuan_service.html';
const footer = expected(FOOTER);

const pages: Record<string, string> = {};
for (const f of [PROMO, SERVICE, FOOTER, ERROR]) pages[`/s/${f}`] = join(FIXTURES, f);
/** A WeChat page no content script of ours runs on. */
const PLAIN = 'http://mp.weixin.qq.com/mp/plain';
const route = fileRoutes(pages, undefined, (host, path) => (host === 'mp.weixin.qq.com' && path === '/mp/plain' ? { body: '<!doctype html><title>plain</title><p>not an article</p>' } : null));

/** The parts of the worker's `chrome` these tests read (types only: the functions run in the worker). */
interface WorkerGlobal {
  chrome: {
    tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
    action: { getBadgeText(d: { tabId?: number }): Promise<string>; getTitle(d: { tabId?: number }): Promise<string> };
  };
}

let ext: Extension;
beforeAll(async () => {
  ext = await launch({ route });
});
afterAll(async () => ext?.close());

/** The tab showing `pageUrl`, as the service worker sees it (the host permission lets it read the URL). */
async function tabIdOf(pageUrl: string): Promise<number> {
  const sw = await ext.serviceWorker();
  const id = await sw.evaluate(async (u) => (await (globalThis as unknown as WorkerGlobal).chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, pageUrl);
  expect(id, pageUrl).toBeGreaterThanOrEqual(0);
  return id;
}

async function icon(tabId: number): Promise<{ badge: string; title: string }> {
  const sw = await ext.serviceWorker();
  return sw.evaluate(async (id) => {
    const { action } = (globalThis as unknown as WorkerGlobal).chrome;
    return { badge: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);
}

async function defaultTitle(): Promise<string> {
  const sw = await ext.serviceWorker();
  return sw.evaluate(async () => (globalThis as unknown as WorkerGlobal).chrome.action.getTitle({}));
}

async function openPopupFor(tabId: number): Promise<Page> {
  const popup = await ext.popup(`popup/index.html?tab=${tabId}`);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.waitForSelector('.popup[data-state="ready"]');
  return popup;
}

describe('the toolbar icon of an article tab', () => {
  test('a promotional article gets the badge, and the title says the verdict and the top reason', async () => {
    expect(promo.verdict.label).toBe('promotional');
    const page = await ext.page();
    await ext.visit(page, url(PROMO));
    const tab = await tabIdOf(url(PROMO));
    const shown = await icon(tab);
    expect(shown.badge).toBe('推');
    expect(shown.title).toMatch(/^公众号清理助手：推广 · /);
    expect(shown.title).toContain(promo.verdict.reasons[0]!.words[0]!.slice(0, 10));
    // Per tab: the icon of any other tab stays as it was.
    expect(await defaultTitle()).toBe('公众号清理助手');
    await page.close();
  });

  test('a service article gets none; leaving a promotional article for it, or for any other page, clears the badge', async () => {
    expect(service.verdict.label).toBe('service');
    const page = await ext.page();
    await ext.visit(page, url(PROMO));
    const tab = await tabIdOf(url(PROMO));
    expect((await icon(tab)).badge).toBe('推');

    await ext.visit(page, url(SERVICE));
    expect(await tabIdOf(url(SERVICE))).toBe(tab);
    const onService = await icon(tab);
    expect(onService.badge).toBe('');
    expect(onService.title).toMatch(/^公众号清理助手：正常内容/);

    await ext.visit(page, url(PROMO));
    expect((await icon(tab)).badge).toBe('推');
    // A WeChat page with no content script of ours: the browser resets the tab's icon on navigation.
    await page.goto(PLAIN);
    expect(await icon(tab)).toEqual({ badge: '', title: await defaultTitle() });

    await ext.visit(page, url(PROMO));
    expect((await icon(tab)).badge).toBe('推');
    // A deleted article: the content script reads no article and reports nothing.
    await page.goto(url(ERROR));
    await page.waitForLoadState('load');
    expect(await icon(tab)).toEqual({ badge: '', title: await defaultTitle() });
    await page.close();
  });

  test('back to a promotional article, the badge is back', async () => {
    const page = await ext.page();
    await ext.visit(page, url(PROMO));
    const tab = await tabIdOf(url(PROMO));
    await ext.visit(page, url(SERVICE));
    expect((await icon(tab)).badge).toBe('');
    await page.goBack();
    const back = await eventually(() => icon(tab), (i) => i.badge === '推');
    expect(back.badge).toBe('推');
    await page.close();
  });
});

describe('the popup over an article tab', () => {
  test('starts with the article; “这篇不是推广” beats the model, moves the account’s tally and clears the badge', async () => {
    const page = await ext.page();
    await ext.visit(page, url(PROMO));
    const tab = await tabIdOf(url(PROMO));
    const popup = await openPopupFor(tab);
    const card = await popup.waitForSelector('[data-testid="current-article"]');
    expect(await card.getAttribute('data-verdict')).toBe('promotional');
    expect(await card.getAttribute('data-account-id')).toBe(promo.accountId);
    expect(await card.getAttribute('data-key')).toBe(promo.key);
    const seg = promo.verdict.segments[0]!;
    expect(await popup.textContent('[data-testid="current-article"] [data-testid="pitch-segment"]')).toBe(`第 ${seg.start + 1}–${seg.end + 1} 段在推广 · 占全文 ${Math.round(seg.share * 100)}%`);
    const row = `[data-testid="account-row"][data-account-id="${promo.accountId}"]`;
    const before = Number(await popup.getAttribute(row, 'data-promo'));
    expect(before).toBeGreaterThanOrEqual(1);

    await popup.click('[data-testid="current-article"] [data-testid="mark-service"]');
    await popup.waitForSelector('[data-testid="current-article"][data-verdict="service"]');
    await popup.waitForSelector(`${row}[data-promo="${before - 1}"]`);
    const d = await ext.dump();
    expect(d.articles.find((a) => a.key === promo.key)).toMatchObject({ userLabel: 'service', model: { label: 'promotional' } });
    expect(d.accounts.find((a) => a.id === promo.accountId)!.promo).toBe(before - 1);
    const after = await eventually(() => icon(tab), (i) => i.badge === '');
    expect(after).toEqual({ badge: '', title: '公众号清理助手：正常内容（你的更正）' });

    // Undo puts back the model's call, the tally and the badge.
    await popup.click('[data-testid="undo"]');
    await popup.waitForSelector('[data-testid="current-article"][data-verdict="promotional"]');
    expect((await eventually(() => icon(tab), (i) => i.badge === '推')).badge).toBe('推');
    expect((await ext.dump()).accounts.find((a) => a.id === promo.accountId)!.promo).toBe(before);
    await popup.close();
    await page.close();
  });

  test('a service article with a promo section shows as such, and the popup of a page that is no article has no card', async () => {
    const page = await ext.page();
    await ext.visit(page, url(FOOTER));
    const tab = await tabIdOf(url(FOOTER));
    const popup = await openPopupFor(tab);
    const card = await popup.waitForSelector('[data-testid="current-article"]');
    expect(await card.getAttribute('data-verdict')).toBe('service');
    expect(await card.getAttribute('data-account-id')).toBe(footer.accountId ?? `name:${footer.accountName.trim()}`);
    expect(footer.verdict.segments.length).toBeGreaterThan(0);
    expect(await popup.getAttribute('[data-testid="current-account"]', 'data-ads-inside')).toBe('1');
    await popup.close();

    await page.goto(PLAIN);
    const plainTab = await tabIdOf(PLAIN);
    const none = await openPopupFor(plainTab);
    await none.waitForSelector('[data-testid="account-row"]');
    expect(await none.$('[data-testid="current-article"]')).toBeNull();
    expect(await none.$('.status.error')).toBeNull();
    await none.close();
    await page.close();
  });
});
