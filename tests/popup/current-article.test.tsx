// @vitest-environment happy-dom
// The popup opened over an article tab, over the real service-worker handlers and storage
// (fake-indexeddb): real fixture pages are read and classified as the content script does, reported
// through the real `article/observed` handler from a tab, and the popup starts with that article.
// Also the tab's toolbar icon: a badge on promotional articles, none on service ones, a title with
// the verdict and its top reason, and both follow a correction made from the popup.
import { beforeEach, describe, expect, test } from 'vitest';
import { handle, type Context } from '../../src/background/handlers';
import { toolbarState, type ToolbarState } from '../../src/background/toolbar';
import { classify } from '../../src/core/classify';
import type { Observation } from '../../src/core/records';
import { extractArticle } from '../../src/extract';
import { Popup } from '../../src/popup/Popup';
import { getAccount, getArticle } from '../../src/storage/store';
import { fixtureDocument as loadFixture } from '../helpers/fixture-in-dom';
import { freshDb } from '../storage/fresh-db';
import { MemoryArea } from '../storage/memory-area';
import { handlerActions } from './handler-actions';
import { byText, click, mount, rows, useLocale, waitFor } from './helpers';

const NOW = Date.UTC(2026, 10, 25, 4);
const PROMO_PAGE = 'share-text_2023_type10-618-course-sale_jinbang-shidai_promotional.html';
const SERVICE_PAGE = 'article_2018_news-digest-wxid-username_huashangbao_service.html';
/** A useful article that ends in a 知识星球 plug: service, with one pitch segment. */
const FOOTER_PAGE = 'article_2025_reprint-share-with-course-footer_xuanyuan_service.html';
const TAB = 7;

let ctx: Context;
let icons: Map<number, ToolbarState>;

beforeEach(async () => {
  useLocale('zh_CN');
  localStorage.clear();
  await freshDb();
  icons = new Map();
  ctx = {
    areas: { sync: new MemoryArea(8192), local: new MemoryArea() },
    now: () => NOW,
    toolbar: {
      async show(tabId, state) {
        icons.set(tabId, state);
      },
    },
  };
});

/** Reads a real page as the content script does: what it would report. */
function read(file: string): Observation {
  const url = 'https://mp.weixin.qq.com/s/fixture';
  const page = extractArticle(loadFixture(file), url);
  if (!page.ok) throw new Error(`${file}: ${page.reason}`);
  const a = page.article;
  const verdict = classify({ title: a.title, body: a.body, cues: a.cues });
  return { key: a.key, accountId: a.accountId, accountName: a.accountName, accountUsername: a.accountUsername, title: a.title, url, kind: a.kind, publishedAt: a.publishedAt, verdict };
}

/** Reads a real page and reports it from the content script of `tabId`. */
async function visit(file: string, tabId = TAB): Promise<Observation> {
  const observation = read(file);
  await handle({ type: 'article/observed', observation }, ctx, { tabId });
  return observation;
}

const card = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-testid="current-article"]');

describe('the toolbar icon', () => {
  test('a promotional article gets the badge and a title with the verdict and its top reason', async () => {
    const o = await visit(PROMO_PAGE);
    expect(o.verdict.label).toBe('promotional');
    const top = o.verdict.reasons[0]!;
    expect(icons.get(TAB)).toEqual({ badge: '推', title: expect.stringMatching(/^公众号清理助手：推广 · /) });
    expect(icons.get(TAB)!.title).toContain(top.words[0]!.slice(0, 10));
  });

  test('the title gives the top reason only when it argues for the verdict', () => {
    const selling = { cue: 'wording', words: ['星球'], weight: 0.3 };
    const serving = { cue: 'news-report', words: ['据报道'], weight: -0.8 };
    expect(toolbarState('service', false, [selling]).title).toBe('公众号清理助手：正常内容');
    expect(toolbarState('service', false, [serving, selling]).title).toBe('公众号清理助手：正常内容 · 新闻报道用语：据报道');
    expect(toolbarState('promotional', false, [serving]).title).toBe('公众号清理助手：推广');
  });

  test('a service article gets no badge, and its title says so', async () => {
    const o = await visit(SERVICE_PAGE);
    expect(o.verdict.label).toBe('service');
    expect(icons.get(TAB)!.badge).toBe('');
    expect(icons.get(TAB)!.title).toMatch(/^公众号清理助手：正常内容/);
  });

  test('in English the badge reads AD', async () => {
    useLocale('en');
    await visit(PROMO_PAGE);
    expect(icons.get(TAB)).toMatchObject({ badge: 'AD', title: expect.stringMatching(/^Declutter for WeChat: Promotional · /) });
  });

  test('a report without a tab (not from a content script) sets nothing', async () => {
    await handle({ type: 'article/observed', observation: read(PROMO_PAGE) }, ctx);
    expect(icons.size).toBe(0);
  });

  test('a tab closed meanwhile does not fail the write', async () => {
    ctx.toolbar = { show: () => Promise.reject(new Error('No tab with id: 7.')) };
    const o = await visit(PROMO_PAGE);
    expect(await getArticle(o.key)).toBeDefined();
  });
});

describe('the popup over an article tab', () => {
  test('starts with the article: verdict, reasons with the pitch segments, the account’s figures', async () => {
    const o = await visit(PROMO_PAGE);
    const root = await mount(<Popup actions={handlerActions(ctx, { tabId: TAB, key: o.key })} />);
    await waitFor(() => card(root) !== null);
    const c = card(root)!;
    expect(c.dataset['verdict']).toBe('promotional');
    expect(c.dataset['accountId']).toBe(o.accountId);
    // First in the popup, above the summary.
    expect(root.querySelector('main')!.firstElementChild).toBe(c);
    expect(c.querySelector('.title')!.textContent).toBe(o.title);
    const seg = o.verdict.segments[0]!;
    const pitch = [...c.querySelectorAll('[data-testid="pitch-segment"]')].map((li) => li.textContent);
    expect(pitch[0]).toBe(`第 ${seg.start + 1}–${seg.end + 1} 段在推广 · 占全文 ${Math.round(seg.share * 100)}%`);
    expect(c.querySelectorAll('.reasons li.toward-promo').length).toBeGreaterThan(0);
    const account = c.querySelector<HTMLElement>('[data-testid="current-account"]')!;
    expect(account.dataset).toMatchObject({ articles: '1', promo: '1', adsInside: '0' });
    expect(account.textContent).toContain('共 1 篇 · 推广 1 篇（100%）');
  });

  test('“这篇不是推广” beats the model: the tallies follow, the icon drops its badge, and Undo restores both', async () => {
    const o = await visit(PROMO_PAGE);
    const root = await mount(<Popup actions={handlerActions(ctx, { tabId: TAB, key: o.key })} />);
    await waitFor(() => card(root) !== null);
    await click(byText(card(root)!, 'button', '这篇不是推广'));
    await waitFor(() => card(root)!.dataset['verdict'] === 'service');
    expect(await getArticle(o.key)).toMatchObject({ userLabel: 'service', model: { label: 'promotional' } });
    expect(await getAccount(o.accountId!)).toMatchObject({ articles: 1, promo: 0 });
    expect(rows(root)[0]!.dataset['promoRatio']).toBe('0');
    await waitFor(() => icons.get(TAB)!.badge === '');
    expect(icons.get(TAB)!.title).toBe('公众号清理助手：正常内容（你的更正）');

    await click(root.querySelector('[data-testid="undo"]'));
    await waitFor(() => card(root)!.dataset['verdict'] === 'promotional');
    expect(await getAccount(o.accountId!)).toMatchObject({ promo: 1 });
    await waitFor(() => icons.get(TAB)!.badge === '推');
  });

  test('a service article with a sales block: “with a promo section” on the card and the row; marking it promotional moves it out of that count', async () => {
    const o = await visit(FOOTER_PAGE);
    expect(o.verdict.label).toBe('service');
    expect(o.verdict.segments.length).toBeGreaterThan(0);
    const root = await mount(<Popup actions={handlerActions(ctx, { tabId: TAB, key: o.key })} />);
    await waitFor(() => card(root) !== null);
    const c = card(root)!;
    expect(c.dataset['verdict']).toBe('service');
    expect(byText(c, '.verdict', '含推广段落')).toBeDefined();
    expect(c.querySelector<HTMLElement>('[data-testid="current-account"]')!.dataset['adsInside']).toBe('1');
    expect(rows(root)[0]!.dataset['adsInside']).toBe('1');
    expect(rows(root)[0]!.textContent).toContain('含推广段落 1');

    await click(byText(c, 'button', '这篇是推广'));
    await waitFor(() => card(root)!.dataset['verdict'] === 'promotional');
    expect(await getAccount(o.accountId!)).toMatchObject({ articles: 1, promo: 1, adsInside: 0 });
    expect(rows(root)[0]!.dataset['adsInside']).toBe('0');
    await waitFor(() => icons.get(TAB)!.badge === '推');
  });

  test('Mute from the card writes the mute, and Undo takes it back', async () => {
    const o = await visit(PROMO_PAGE);
    const root = await mount(<Popup actions={handlerActions(ctx, { tabId: TAB, key: o.key })} />);
    await waitFor(() => card(root) !== null);
    await click(card(root)!.querySelector('[data-testid="mute-button"]'));
    expect((ctx.areas.sync as MemoryArea).items.get(`mute:${o.accountId}`)).toMatchObject({ until: NOW + 30 * 86_400_000 });
    await waitFor(() => byText(card(root)!, 'button', '取消屏蔽') !== undefined);
    await click(root.querySelector('[data-testid="undo"]'));
    expect((ctx.areas.sync as MemoryArea).items.has(`mute:${o.accountId}`)).toBe(false);
  });

  test('Pin from the card pins the account', async () => {
    const o = await visit(PROMO_PAGE);
    const root = await mount(<Popup actions={handlerActions(ctx, { tabId: TAB, key: o.key })} />);
    await waitFor(() => card(root) !== null);
    await click(card(root)!.querySelector('[data-testid="current-pin"]'));
    expect((ctx.areas.sync as MemoryArea).items.get(`pin:${o.accountId}`)).toMatchObject({ since: NOW });
    expect(card(root)!.querySelector('[data-testid="current-pin"]')!.getAttribute('aria-pressed')).toBe('true');
  });

  test('the account name opens the account’s detail', async () => {
    const o = await visit(PROMO_PAGE);
    const root = await mount(<Popup actions={handlerActions(ctx, { tabId: TAB, key: o.key })} />);
    await waitFor(() => card(root) !== null);
    await click(card(root)!.querySelector('.current-account .name-button'));
    expect(root.querySelector<HTMLElement>('[data-testid="account-detail"]')!.dataset['accountId']).toBe(o.accountId);
  });

  test('not an article tab: the usual view, no card, no error', async () => {
    await visit(PROMO_PAGE);
    const root = await mount(<Popup actions={handlerActions(ctx, null)} />);
    await waitFor(() => rows(root).length === 1);
    expect(card(root)).toBeNull();
    expect(root.querySelector('.status.error, [role="alert"]')).toBeNull();
  });

  test('an article not recorded yet: no card until the write lands, then the card', async () => {
    const o = read(SERVICE_PAGE);
    // The tab's content script knows the article; its report has not reached storage yet.
    const actions = handlerActions(ctx, { tabId: TAB, key: o.key });
    const root = await mount(<Popup actions={actions} />);
    expect(card(root)).toBeNull();
    expect(root.querySelector('.status.error')).toBeNull();
    // The write lands and is announced, as the service worker announces every write.
    await actions.send({ type: 'article/observed', observation: o });
    await waitFor(() => card(root) !== null);
    expect(card(root)!.dataset['verdict']).toBe('service');
  });

  test('in English', async () => {
    useLocale('en');
    const o = await visit(PROMO_PAGE);
    const root = await mount(<Popup actions={handlerActions(ctx, { tabId: TAB, key: o.key })} />);
    await waitFor(() => card(root) !== null);
    const c = card(root)!;
    const seg = o.verdict.segments[0]!;
    expect(c.querySelector('[data-testid="pitch-segment"]')!.textContent).toBe(`Paragraphs ${seg.start + 1}–${seg.end + 1} sell · ${Math.round(seg.share * 100)}% of the text`);
    expect(byText(c, 'button', "This isn't promotional")).toBeDefined();
    expect(c.querySelector('h2')!.textContent).toBe('This article');
  });
});
