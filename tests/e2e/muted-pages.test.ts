// What a muted account looks like on WeChat's pages, in real Chromium with the built extension: the
// article banner's Read anyway and Unmute buttons (clicked with the mouse inside the closed shadow
// root), and list pages (Sogou search, an album, account homepages) hiding the muted account's items,
// including those the page adds later, behind a "show hidden" toggle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SAMPLE_ACCOUNTS } from '../../scripts/demo/articles';
import { articleHtml, demoPages } from '../../scripts/demo/render';
import { clickInShadow, eventually, FIXTURES, launch, sendFromExtension, shadowElements, type Extension, type Route } from './harness';

const promo = SAMPLE_ACCOUNTS[0]!;
const pages = demoPages([promo], Math.floor(Date.now() / 1000) - 86_400);
const article = pages[0]!;

const SOGOU = readFileSync(join(FIXTURES, 'listing_2021_sogou-search-articles_weixin.html'));
const PROFILE = readFileSync(join(FIXTURES, 'listing_2018_sogou-profile-recent10-msglist_daxiang-gonghui.html'));
/** The account of the real Sogou profile page (its `var biz`) and of the album built below. */
const ELEPHANT = 'MjM5NzQwNjcyMQ==';
const ALBUM_BIZ = 'MzI4NjAxNjY4Nw==';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function albumItem(i: number): string {
  const link = `https://mp.weixin.qq.com/s?__biz=${ALBUM_BIZ}&mid=${2650242000 + i}&idx=1&sn=${i.toString(16).padStart(8, '0')}#rd`;
  return `<li class="album__list-item js_album_item js_wx_tap_highlight wx_tap_cell" data-msgid="${2650242000 + i}" data-itemidx="1" data-link="${esc(link)}" data-title="${esc(`科技爱好者周刊（第 ${300 + i} 期）`)}">
  <div class="album__item-content"><div class="album__item-title"><span class="album__item-title-wrp">科技爱好者周刊（第 ${300 + i} 期）</span></div>
  <div class="album__item-info"><span class="js_article_create_time album__item-info-item">2025-11-0${(i % 9) + 1}</span></div></div>
  <div class="album__item-img" style="background-image:url(https://mmbiz.qpic.cn/x.jpg)"></div></li>`;
}

/** An album (合集) page in the structure DESIGN.md and src/extract/listing.ts describe; more items come on scroll. */
const ALBUM = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>科技爱好者周刊</title></head>
<body class="album_page"><div class="album__head"><div class="album__label-title">科技爱好者周刊</div>
<div class="album__author js_album_author"><span class="album__author-avatar"></span><span class="album__author-name">阮一峰的网络日志</span></div></div>
<div class="album__content js_album_content"><ul class="album__list js_album_list">${[1, 2, 3].map(albumItem).join('\n')}</ul>
<div class="album__loading js_loading">正在加载</div></div>
<script>var biz = "${ALBUM_BIZ}" || ""; var album_id = "1";</script></body></html>`;

/** An account homepage with the article cards WeChat's homepage and Sogou's profile script render. */
const HOMEPAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>大象公会</title></head>
<body><div class="profile_info_area"><strong class="profile_nickname">大象公会</strong></div>
<div class="weui_msg_card_list" id="history"></div></body></html>`;

const SOGOU_URL = 'http://weixin.sogou.com/weixin?type=2&query=%E5%BE%AE%E4%BF%A1';
const ALBUM_URL = `http://mp.weixin.qq.com/mp/appmsgalbum?__biz=${encodeURIComponent(ALBUM_BIZ)}&action=getalbum&album_id=1#wechat_redirect`;
const HOMEPAGE_URL = `http://mp.weixin.qq.com/mp/homepage?__biz=${encodeURIComponent(ELEPHANT)}&hid=1`;
const PROFILE_URL = 'http://mp.weixin.qq.com/profile?src=3&timestamp=1535383045&ver=1&signature=abc';

const route: Route = (host, path) => {
  if (host === 'weixin.sogou.com') return { body: SOGOU };
  if (host !== 'mp.weixin.qq.com') return null;
  if (path === article.path) return { body: articleHtml(article) };
  if (path.startsWith('/mp/appmsgalbum')) return { body: ALBUM };
  if (path.startsWith('/mp/homepage')) return { body: HOMEPAGE };
  if (path.startsWith('/profile?')) return { body: PROFILE };
  return null;
};

let ext: Extension;
let own: Page;
beforeAll(async () => {
  ext = await launch({ route });
  own = await ext.popup('options/index.html');
});
afterAll(async () => ext?.close());

const mute = (accountId: string, name: string) => sendFromExtension(own, [{ type: 'account/mute', accountId, name, duration: 'never' }]);
const unmute = (accountId: string) => sendFromExtension(own, [{ type: 'account/unmute', accountId }]);
const storedMute = (accountId: string) =>
  own.evaluate(async (key) => {
    const storage = (globalThis as unknown as { chrome: { storage: Record<'sync' | 'local', { get(k: string): Promise<Record<string, unknown>> }> } }).chrome.storage;
    const [sync, local] = await Promise.all([storage.sync.get(key), storage.local.get(key)]);
    return sync[key] ?? local[key] ?? null;
  }, `mute:${accountId}`);
const hostAttr = (page: Page, name: string) => page.evaluate((n) => document.getElementById('declutter-for-wechat')?.getAttribute(n) ?? null, name);
const banner = async (page: Page) => (await shadowElements(page)).find((n) => n.classes.includes('banner')) ?? null;

describe('the banner on a muted account’s article', () => {
  test('Read anyway hides the banner for this page only; the account stays muted', async () => {
    await mute(promo.biz, promo.name);
    const page = await ext.page();
    await ext.visit(page, `http://mp.weixin.qq.com${article.path}`);
    expect(await eventually(() => hostAttr(page, 'data-declutter-muted'), (v) => v === 'true')).toBe('true');
    expect((await banner(page))?.text).toContain(promo.name);

    await clickInShadow(page, (n) => n.tag === 'button' && n.classes.includes('read'));
    expect(await eventually(() => banner(page), (b) => b === null)).toBeNull();
    expect(await storedMute(promo.biz)).toMatchObject({ name: promo.name, until: null });

    // The next visit shows it again: reading anyway is a choice for one article.
    await ext.visit(page, `http://mp.weixin.qq.com${article.path}`);
    expect(await eventually(() => banner(page), (b) => b !== null)).not.toBeNull();
    await page.close();
  });

  test('Unmute lifts the mute in storage and the banner goes', async () => {
    await mute(promo.biz, promo.name);
    const page = await ext.page();
    await ext.visit(page, `http://mp.weixin.qq.com${article.path}`);
    expect(await eventually(() => banner(page), (b) => b !== null)).not.toBeNull();

    await clickInShadow(page, (n) => n.tag === 'button' && n.classes.includes('unmute'));
    expect(await eventually(() => storedMute(promo.biz), (m) => m === null)).toBeNull();
    expect(await eventually(() => hostAttr(page, 'data-declutter-muted'), (v) => v === null)).toBeNull();
    expect(await banner(page)).toBeNull();
    // It is the reader's undoable action, like a click in the popup.
    const undo = await own.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('undo'))['undo']);
    expect(undo).toMatchObject({ action: 'unmute', accountId: promo.biz });
    await page.close();
  });
});

/** Items of the list page hidden by the extension (the test build names the attribute). */
const hidden = (page: Page, selector: string) => page.$$eval(`${selector}[data-declutter-hidden]`, (els) => els.length);
const visible = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
const barText = async (page: Page) => (await shadowElements(page)).find((n) => n.tag === 'span' && n.attrs['aria-live'] === 'polite')?.text ?? null;
const toggle = (page: Page) => clickInShadow(page, (n) => n.tag === 'button' && 'aria-pressed' in n.attrs);

describe('Sogou search (a real results page)', () => {
  test('hides the muted account’s results, also one the page adds later; the toggle shows them and hides them again', async () => {
    await mute('MzXinhua', '新华网');
    const page = await ext.page();
    await page.goto(SOGOU_URL);
    const item = 'ul.news-list > li';
    const total = await page.$$eval(item, (els) => els.length);
    expect(await eventually(() => hidden(page, item), (n) => n === 1)).toBe(1);
    expect(await visible(page, item)).toBe(total - 1);
    expect(await page.$eval(`${item}[data-declutter-hidden] a.account`, (a) => a.textContent)).toBe('新华网');
    expect(await barText(page)).toContain('1');

    // The page adds results later (as its scripts do): one of the muted account, one of another.
    await page.evaluate(() => {
      const list = document.querySelector('ul.news-list')!;
      const template = list.querySelector('li')!;
      for (const [name, title] of [['新华网', '后来加载的结果'], ['环球时报', '另一条后来的结果']]) {
        const li = template.cloneNode(true) as HTMLElement;
        li.id = `later-${name}`;
        li.querySelector('h3 a')!.textContent = title!;
        li.querySelector('a.account')!.textContent = name!;
        list.append(li);
      }
    });
    expect(await eventually(() => hidden(page, item), (n) => n === 2)).toBe(2);
    expect(await page.$eval('#later-新华网', (e) => e.hasAttribute('data-declutter-hidden'))).toBe(true);
    expect(await page.$eval('#later-环球时报', (e) => e.hasAttribute('data-declutter-hidden'))).toBe(false);
    expect(await eventually(() => barText(page), (t) => !!t?.includes('2'))).toContain('2');

    await toggle(page);
    expect(await eventually(() => visible(page, item), (n) => n === total + 2)).toBe(total + 2);
    expect((await shadowElements(page)).find((n) => 'aria-pressed' in n.attrs)?.attrs['aria-pressed']).toBe('true');
    await toggle(page);
    expect(await eventually(() => visible(page, item), (n) => n === total)).toBe(total);
    await unmute('MzXinhua');
    expect(await eventually(() => hidden(page, item), (n) => n === 0)).toBe(0);
    await page.close();
  });
});

describe('an album (合集)', () => {
  test('hides every item of a muted account’s album, and the items it loads on scroll', async () => {
    await unmute(ALBUM_BIZ);
    const page = await ext.page();
    await page.goto(ALBUM_URL);
    const item = 'li.album__list-item';
    // Not muted: all shown. Muting while the page is open hides them (the positive signal that the
    // content script runs here), unmuting shows them again.
    expect(await visible(page, item)).toBe(3);
    await mute(ALBUM_BIZ, '阮一峰的网络日志');
    expect(await eventually(() => hidden(page, item), (n) => n === 3)).toBe(3);
    expect(await visible(page, item)).toBe(0);
    await page.evaluate((html) => {
      // What the album's own script does near the end of the list.
      document.querySelector('ul.album__list')!.insertAdjacentHTML('beforeend', html);
    }, [4, 5].map(albumItem).join(''));
    expect(await eventually(() => hidden(page, item), (n) => n === 5)).toBe(5);
    expect(await visible(page, item)).toBe(0);
    expect(await eventually(() => barText(page), (t) => !!t?.includes('5'))).toContain('5');
    // Opened while muted: hidden from the start.
    await page.reload();
    expect(await eventually(() => hidden(page, item), (n) => n === 3)).toBe(3);
    await unmute(ALBUM_BIZ);
    expect(await eventually(() => visible(page, item), (n) => n === 3)).toBe(3);
    await page.close();
  });
});

/** Renders the cards an account homepage shows, from a list like the `msgList` WeChat embeds. */
function renderCards(page: Page, list?: Array<{ title: string; url: string }>): Promise<number> {
  return page.evaluate((given) => {
    const w = window as unknown as { msgList?: { list: Array<{ app_msg_ext_info?: { title: string; content_url: string; multi_app_msg_item_list?: Array<{ title: string; content_url: string }> } }> } };
    const entries =
      given ??
      (w.msgList?.list ?? []).flatMap((m) => {
        const info = m.app_msg_ext_info;
        return info ? [info, ...(info.multi_app_msg_item_list ?? [])].map((x) => ({ title: x.title, url: x.content_url.replace(/&amp;/g, '&') })) : [];
      });
    const history = document.getElementById('history')!;
    const card = document.createElement('div');
    card.className = 'weui_msg_card';
    for (const e of entries) {
      const box = document.createElement('div');
      box.className = 'weui_media_box appmsg';
      const bd = document.createElement('div');
      bd.className = 'weui_media_bd';
      const h4 = document.createElement('h4');
      h4.className = 'weui_media_title';
      h4.setAttribute('hrefs', e.url);
      h4.textContent = e.title;
      bd.append(h4);
      box.append(bd);
      card.append(box);
    }
    history.append(card);
    return entries.length;
  }, list ?? null);
}

describe('account homepages', () => {
  test('a real Sogou profile page: the cards its script renders from msgList are hidden when the account is muted', async () => {
    await mute(ELEPHANT, '大象公会');
    const page = await ext.page();
    await page.goto(PROFILE_URL);
    const item = '#history .weui_media_box';
    const n = await renderCards(page);
    expect(n).toBeGreaterThanOrEqual(5);
    expect(await eventually(() => hidden(page, item), (h) => h === n)).toBe(n);
    expect(await visible(page, item)).toBe(0);
    await unmute(ELEPHANT);
    expect(await eventually(() => visible(page, item), (v) => v === n)).toBe(n);
    await page.close();
  });

  test('a homepage (mp/homepage?__biz=…): its cards, and those added later, hide while the account is muted', async () => {
    await unmute(ELEPHANT);
    const page = await ext.page();
    await page.goto(HOMEPAGE_URL);
    const item = '#history .weui_media_box';
    await renderCards(page, [{ title: '卫生巾为什么这么贵', url: '/s?timestamp=1&src=3&signature=a' }]);
    expect(await visible(page, item)).toBe(1);
    await mute(ELEPHANT, '大象公会');
    expect(await eventually(() => hidden(page, item), (h) => h === 1)).toBe(1);
    await renderCards(page, [
      { title: '第二篇', url: '/s?timestamp=2&src=3&signature=b' },
      { title: '第三篇', url: `https://mp.weixin.qq.com/s?__biz=${ELEPHANT}&mid=3&idx=1&sn=c` },
    ]);
    expect(await eventually(() => hidden(page, item), (h) => h === 3)).toBe(3);
    expect(await visible(page, item)).toBe(0);
    await unmute(ELEPHANT);
    expect(await eventually(() => visible(page, item), (v) => v === 3)).toBe(3);
    await page.close();
  });
});
