// List pages where a muted account's items can be hidden: Sogou article and account search, WeChat
// albums (合集) and account homepages. Takes a Document, or an Element of nodes added later (scroll).
import { PageScripts, readInlineVars } from './inline-vars';
import { decodeEntities, normalizeLabel } from './text';
import { bizParam, parseUrl } from './url';

export interface ListItem {
  /** The node to hide: one result, one album entry. */
  element: Element;
  title: string;
  accountName: string | null;
  /** `__biz` when the page or the item's link names it; Sogou results do not. */
  accountId: string | null;
  /** Absolute URL of the item, when it has one. */
  link: string | null;
}

export type ListKind = 'sogou-articles' | 'sogou-accounts' | 'album' | 'homepage';

export function listKind(url: string): ListKind | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname;
  if (host === 'weixin.sogou.com' || host === 'wx.sogou.com') {
    if (path !== '/weixin' && path !== '/weixinwap') return null;
    // Sogou's own default tab is articles; type=1 is the account tab.
    return parsed.searchParams.get('type') === '1' ? 'sogou-accounts' : 'sogou-articles';
  }
  if (host === 'mp.weixin.qq.com') {
    if (path === '/mp/appmsgalbum') return 'album';
    // Sogou's `/profile?src=3…` page and the in-app `/mp/profile_ext?action=home` are homepages too.
    if (path === '/mp/homepage' || path === '/profile' || path === '/mp/profile_ext') return 'homepage';
  }
  return null;
}

function isDocument(root: Document | Element): root is Document {
  return root.nodeType === 9;
}

function ownerDocumentOf(root: Document | Element): Document {
  return isDocument(root) ? root : root.ownerDocument;
}

/** Elements matching `selector` in `root`, including `root` itself when it matches (a newly added item). */
function itemsIn(root: Document | Element, selector: string): Element[] {
  const found: Element[] = [];
  if (!isDocument(root) && root.matches(selector)) found.push(root);
  const nodes = root.querySelectorAll(selector);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node) found.push(node);
  }
  return found;
}

function textIn(el: Element, selector: string): string {
  const nodes = el.querySelectorAll(selector);
  for (let i = 0; i < nodes.length; i++) {
    const text = normalizeLabel(nodes[i]?.textContent);
    if (text) return text;
  }
  return '';
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = decodeEntities(href.trim());
  if (!trimmed || trimmed.startsWith('javascript:')) return null;
  return parseUrl(trimmed, base)?.href ?? null;
}

function bizOfLink(link: string | null): string | null {
  if (!link) return null;
  const parsed = parseUrl(link);
  return parsed ? bizParam(parsed.searchParams) : null;
}

function sogouArticles(root: Document | Element, url: string): ListItem[] {
  return itemsIn(root, 'ul.news-list > li').flatMap((li) => {
    const anchor = li.querySelector('h3 a') ?? li.querySelector('.txt-box a');
    const title = normalizeLabel(anchor?.textContent);
    if (!title) return [];
    // 2017 `a.account`, 2021 `a.account[uigs=article_account_N]`, newer `span.all-time-y2`.
    const accountName = textIn(li, 'a.account') || textIn(li, '.s-p .all-time-y2') || textIn(li, 'span.all-time-y2');
    return [{ element: li, title, accountName: accountName || null, accountId: null, link: absolute(anchor?.getAttribute('href'), url) }];
  });
}

function sogouAccounts(root: Document | Element, url: string): ListItem[] {
  return itemsIn(root, 'ul.news-list2 > li').flatMap((li) => {
    const anchor = li.querySelector('p.tit a') ?? li.querySelector('.tit a');
    const name = normalizeLabel(anchor?.textContent);
    if (!name) return [];
    return [{ element: li, title: name, accountName: name, accountId: null, link: absolute(anchor?.getAttribute('href'), url) }];
  });
}

const bizFromScripts = new WeakMap<Document, string | null>();

/**
 * The account a whole page belongs to: its URL's `__biz`, else the page's own biz var (scanned once
 * per document: scroll brings repeated calls).
 */
function pageAccountId(root: Document | Element, url: string): string | null {
  const parsed = parseUrl(url);
  const fromUrl = parsed ? bizParam(parsed.searchParams) : null;
  if (fromUrl) return fromUrl;
  const doc = ownerDocumentOf(root);
  const cached = bizFromScripts.get(doc);
  if (cached !== undefined) return cached;
  const vars = readInlineVars(new PageScripts(doc), {
    biz: { markers: ['var biz', 'window.biz'], accept: (v: string) => /^[A-Za-z0-9+/=_-]{4,64}$/.test(v), required: true },
  });
  const biz = vars.biz || null;
  bizFromScripts.set(doc, biz);
  return biz;
}

/** A value computed on first use: list pages often get called with roots that hold no items. */
function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

function pageAccountName(doc: Document, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const nodes = doc.querySelectorAll(selector);
    for (let i = 0; i < nodes.length; i++) {
      const text = normalizeLabel(nodes[i]?.textContent);
      if (text) return text;
    }
  }
  return null;
}

function albumItems(root: Document | Element, url: string): ListItem[] {
  const doc = ownerDocumentOf(root);
  const accountName = lazy(() =>
    pageAccountName(doc, ['.album__author-name', '.album__author .album__name', '#js_name', '.profile_nickname']),
  );
  const pageBiz = lazy(() => pageAccountId(root, url));
  return itemsIn(root, 'li.album__list-item, .js_album_item[data-link]').flatMap((li) => {
    const title =
      normalizeLabel(decodeEntities(li.getAttribute('data-title') ?? '')) ||
      textIn(li, '.album__item-title-wrp') ||
      textIn(li, '.album__item-title');
    if (!title) return [];
    const link = absolute(li.getAttribute('data-link'), url);
    return [{ element: li, title, accountName: accountName(), accountId: bizOfLink(link) ?? pageBiz(), link }];
  });
}

/** Anything on an account homepage that links to one of its articles. */
const HOMEPAGE_LINKS = [
  'a[href*="mp.weixin.qq.com/s"]',
  'a[href^="/s?"]',
  'a[href^="/s/"]',
  '[data-link*="/s"]',
  '[hrefs*="/s"]',
].join(', ');

/** The unit a reader sees as one entry, from the closest of these around the link. */
const HOMEPAGE_ITEM = 'li, .weui_media_box, .appmsg_item, [class*="list-item"], [class*="list_item"], [class*="card"]';

function homepageItems(root: Document | Element, url: string): ListItem[] {
  const doc = ownerDocumentOf(root);
  const accountName = lazy(() =>
    pageAccountName(doc, ['.profile_nickname', '#js_name', '.wx_follow_nickname', '[class*="nickname"]']),
  );
  const accountId = lazy(() => pageAccountId(root, url));
  const seen = new Set<Element>();
  const items: ListItem[] = [];
  for (const anchor of itemsIn(root, HOMEPAGE_LINKS)) {
    const container = anchor.closest(HOMEPAGE_ITEM) ?? anchor;
    if (seen.has(container)) continue;
    const link = absolute(anchor.getAttribute('href') ?? anchor.getAttribute('data-link') ?? anchor.getAttribute('hrefs'), url);
    const title =
      normalizeLabel(decodeEntities(container.getAttribute('data-title') ?? '')) ||
      textIn(container, '[class*="title"]') ||
      normalizeLabel(anchor.textContent);
    if (!title) continue;
    seen.add(container);
    // Every item of a homepage is the page account's, whatever its link says.
    items.push({ element: container, title, accountName: accountName(), accountId: accountId() ?? bizOfLink(link), link });
  }
  return items;
}

export function findListItems(root: Document | Element, url: string): ListItem[] {
  try {
    switch (listKind(url)) {
      case 'sogou-articles':
        return sogouArticles(root, url);
      case 'sogou-accounts':
        return sogouAccounts(root, url);
      case 'album':
        return albumItems(root, url);
      case 'homepage':
        return homepageItems(root, url);
      default:
        return [];
    }
  } catch {
    return [];
  }
}
