// Article pages (`/s/<id>`, `/s?__biz=…`) of every layout 2017–2026 and their video/image/text shares:
// identity, account, title, time, kind, body. DOM nodes first; inline vars for what only they carry.
import type { Article, ArticleKind } from '../core/article';
import { CueCollector } from './cues';
import { literalValueAt, PageScripts, readInlineVars, type VarSpec, type VarValues } from './inline-vars';
import { imageShareBody, textShare, type BodyLines, type ShareData } from './share';
import { blockText, decodeEntities, htmlFragmentToText, normalizeLabel, type LineSources } from './text';
import { articleUrlParts } from './url';

const digits = (v: string): boolean => /^\d{1,20}$/.test(v);
const epochSeconds = (v: string): boolean => /^\d{9,11}$/.test(v);
const bizLike = (v: string): boolean => /^[A-Za-z0-9+/=_-]{4,64}$/.test(v);
const accountLike = (v: string): boolean => /^[\w@.-]{2,64}$/.test(v);

/**
 * Page vars across the years' syntaxes (`d.*` is the 2018–2026 share-page form), with the matching
 * top-level keys of `window.cgiDataNew`, which alone carries share captions and some 2026 values.
 */
function pageVarSpecs(needName: boolean, needTitle: boolean) {
  return {
    biz: { markers: ['var biz', 'window.biz', 'd.biz'], objectKeys: ['bizuin'], accept: bizLike, required: true },
    mid: { markers: ['var mid', 'd.mid', 'var appmsgid', 'window.mid'], objectKeys: ['mid'], accept: digits, required: true },
    idx: { markers: ['var idx', 'd.idx', 'var itemidx', 'window.idx'], objectKeys: ['idx'], accept: digits, required: true },
    ct: {
      markers: ['var ct', 'd.ct', 'var create_time', 'd.create_time', 'window.ct'],
      objectKeys: ['ori_create_time', 'create_time'],
      accept: epochSeconds,
      required: true,
    },
    username: {
      markers: ['var user_name', 'd.user_name'],
      objectKeys: ['user_name'],
      accept: accountLike,
      required: true,
    },
    itemShowType: {
      markers: ['var item_show_type', 'window.item_show_type', '_g.item_show_type'],
      objectKeys: ['item_show_type'],
      accept: digits,
      required: true,
    },
    nickname: { markers: ['var nickname', 'd.nick_name', 'window.nickname'], objectKeys: ['nick_name'], required: needName },
    title: { markers: ['var msg_title', 'd.title', 'window.msg_title'], objectKeys: ['title'], required: needTitle },
    copyrightStat: {
      markers: ['var copyright_stat', 'var _copyright_stat'],
      objectKeys: ['copyright_stat'],
      accept: digits,
    },
    sourceUrl: { markers: ['var msg_source_url'], objectKeys: ['source_url'] },
    msgLink: { markers: ['var msg_link', 'd.msg_link'] },
    paySubscribe: { markers: ['var is_pay_subscribe'], objectKeys: ['is_pay_subscribe'], accept: digits },
    // Read when met on the way; only a share needs them, and it asks again (shareSpecs) if not met.
    shareContent: { markers: [], objectKeys: ['content_noencode'] },
    shareDesc: { markers: [], objectKeys: ['desc'] },
  } satisfies Record<string, VarSpec>;
}

function shareSpecs() {
  return {
    shareContent: { markers: [], objectKeys: ['content_noencode'], required: true },
    shareDesc: { markers: [], objectKeys: ['desc'] },
  } satisfies Record<string, VarSpec>;
}

type PageVarKey = keyof ReturnType<typeof pageVarSpecs>;

const KIND_BY_SHOW_TYPE: Record<string, ArticleKind> = { '5': 'video', '8': 'image', '10': 'text' };

/**
 * Text of the first element matching `selector` that has any. Class selectors walk the whole
 * document, so callers chain them lazily (`a || b`) and put id lookups first.
 */
function firstText(doc: Document | Element, selector: string): string {
  const firstNode = doc.querySelector(selector);
  if (!firstNode) return '';
  const first = normalizeLabel(firstNode.textContent);
  if (first) return first;
  const nodes = doc.querySelectorAll(selector);
  for (let i = 1; i < nodes.length; i++) {
    const text = normalizeLabel(nodes[i]?.textContent);
    if (text) return text;
  }
  return '';
}

/** Text of the element with this id; a blank first one (ids do get duplicated) falls back to the rest. */
function idText(doc: Document, id: string): string {
  const el = doc.getElementById(id);
  if (!el) return '';
  return normalizeLabel(el.textContent) || firstText(doc, `[id="${id}"]`);
}

function metaContent(doc: Document, property: string): string {
  const meta = doc.querySelector(`meta[property="${property}"]`) ?? doc.querySelector(`meta[name="${property}"]`);
  return normalizeLabel(meta?.getAttribute('content'));
}

/** The title as displayed, without the paywall's "已付费" tag that sits inside `#activity-name`. */
function domTitle(doc: Document, heading: Element | null): string {
  if (!heading) return firstText(doc, '.rich_media_title');
  const inner = firstText(heading, '.js_title_inner');
  if (inner) return inner;
  let text = '';
  for (let child = heading.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as Element).classList.contains('pay__tag')) continue;
    text += child.textContent ?? '';
  }
  return normalizeLabel(text);
}

/**
 * The script inside a share's body that writes its caption (`document.write("…")` in 2018,
 * `…innerHTML = "…"` in 2019): the written string is the text the reader sees there.
 */
function scriptWrittenText(source: string): string | null {
  for (const marker of ['document.write(', '.innerHTML =', '.innerHTML=']) {
    const at = source.indexOf(marker);
    if (at < 0) continue;
    const value = literalValueAt(source, at + marker.length);
    if (value) return htmlFragmentToText(value);
  }
  return null;
}

/** Link targets inside an HTML string (share captions carry `<a href>` in `content_noencode`). */
function hrefsInHtml(html: string): string[] {
  const hrefs: string[] = [];
  const re = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
  for (let m = re.exec(html); m && hrefs.length < 50; m = re.exec(html)) hrefs.push(decodeEntities(m[1] ?? m[2] ?? ''));
  return hrefs;
}

function clean(value: string | undefined): string {
  return value ? normalizeLabel(decodeEntities(value)) : '';
}

/**
 * Pages before 2019 print the date (`em#post-date` "2018-04-07"); later ones fill `#publish_time` by
 * JS ("2025年11月7日 08:31" in a live page). Read as Beijing time, for pages whose `ct` var is missing.
 */
function shownDate(doc: Document): number | null {
  const text = idText(doc, 'post-date') || idText(doc, 'publish_time');
  const m = /(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2}))?/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map((part) => Number(part ?? 0));
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, (h ?? 0) - 8, mi ?? 0);
  return Number.isFinite(ms) ? ms : null;
}

export interface ArticleDraft {
  article: Article;
  /** Whether the page identified itself as an article: a key, an account or title, and some text. */
  readable: boolean;
  /**
   * Where each line of `article.body` sits in the page, recorded on the same walk that read it; null
   * when the body has no DOM of its own (a share caption only in inline JS, not yet rendered).
   */
  lines: BodyLines | null;
}

export function readArticle(doc: Document, url: string): ArticleDraft {
  const fromUrl = articleUrlParts(url);
  const scripts = new PageScripts(doc);
  const heading = doc.getElementById('activity-name');
  const domName = idText(doc, 'js_name') || firstText(doc, '.profile_nickname');
  const domTitleText = domTitle(doc, heading);
  const vars: VarValues<PageVarKey> = readInlineVars(scripts, pageVarSpecs(!domName, !domTitleText));

  let kind: ArticleKind = KIND_BY_SHOW_TYPE[vars.itemShowType ?? ''] ?? 'article';
  if (!vars.itemShowType && doc.getElementById('js_text_desc')) kind = 'text';
  // A share's caption sits in window.cgiDataNew, which the first pass may stop short of.
  if (kind !== 'article' && vars.shareContent === undefined) {
    Object.assign(vars, readInlineVars(scripts, shareSpecs()));
  }
  const share: ShareData = { content: vars.shareContent, desc: vars.shareDesc, title: vars.title };

  const link = vars.msgLink ? articleUrlParts(decodeEntities(vars.msgLink)) : null;
  const biz = vars.biz || link?.biz || fromUrl.biz || null;
  const mid = vars.mid || link?.mid || fromUrl.mid || null;
  const idx = vars.idx || link?.idx || fromUrl.idx || null;
  const shortId = fromUrl.shortId ?? link?.shortId ?? null;

  const accountName =
    domName ||
    clean(vars.nickname) ||
    firstText(doc, '.wx_follow_nickname') ||
    idText(doc, 'post-user');

  let title =
    domTitleText ||
    (kind === 'text' ? '' : metaContent(doc, 'og:title')) ||
    clean(vars.title) ||
    idText(doc, 'js_text_title') ||
    idText(doc, 'video_title');

  const cues = new CueCollector();
  const bodyRoot = doc.getElementById('js_content');
  let lines: BodyLines | null = null;
  const readBody = (root: Element): string => {
    cues.bodyRead();
    const sources: LineSources = { first: [], last: [] };
    const text = blockText(root, { readScript: scriptWrittenText, onElement: cues.visit, sources });
    lines = sources.first.length ? { root, ...sources } : null;
    return text;
  };
  let body = '';
  if (kind === 'text') {
    const text = textShare(doc, share);
    title = text.title || title;
    body = text.body;
    lines = text.lines;
  } else if (kind === 'image') {
    ({ body, lines } = imageShareBody(doc, share));
    if (!body && bodyRoot) body = readBody(bodyRoot);
  } else if (bodyRoot) {
    body = readBody(bodyRoot);
  }
  if (!body && share.desc && kind !== 'article') {
    body = htmlFragmentToText(share.desc);
    lines = null;
  }
  if (share.content && kind !== 'article') for (const href of hrefsInHtml(share.content)) cues.addLink(href);

  const ct = vars.ct;
  // Values go to storage and messages under Article's limits; an oversized one is junk, not data.
  const source = clean(vars.sourceUrl);
  const sourceUrl = source && source.length <= 5000 ? source : null;
  cues.addLink(sourceUrl);
  const copyright = vars.copyrightStat;
  const isOriginal = copyright ? copyright === '1' : idText(doc, 'copyright_logo').startsWith('原创');
  const paid =
    vars.paySubscribe === '1' ||
    Boolean(heading && (heading.classList.contains('rich_media_title_paid') || heading.querySelector('.pay__tag')));

  // One article seen under both URL forms must get one key, so page vars beat the URL's short id.
  let key = '';
  if (biz && mid && idx) key = `${biz}:${mid}:${idx}`;
  else if (shortId) key = `s:${shortId}`;

  const article: Article = {
    key,
    accountId: biz,
    accountName: accountName.slice(0, 20000),
    accountUsername: vars.username || null,
    title: title.slice(0, 20000),
    publishedAt: ct ? Number(ct) * 1000 : shownDate(doc),
    kind,
    isOriginal,
    sourceUrl,
    body,
    cues: cues.finish(paid),
  };
  return { article, readable: Boolean(key && (accountName || title) && (title || body)), lines };
}
