// Extraction runs on whatever page the content script lands on: it must never throw, and broken or
// partial pages must come back as `unreadable`, not as half-filled articles.
import { describe, expect, test } from 'vitest';
import { Article } from '../../src/core/article';
import { extractArticle, findListItems } from '../../src/extract';
import { parseDocument } from '../helpers/dom';

const URL_SHORT = 'https://mp.weixin.qq.com/s/AbCdEfGhIjKl';
const URL_LONG = 'https://mp.weixin.qq.com/s?__biz=MzA3MDU1Mzg0MQ==&mid=2699554672&idx=6&sn=abc#rd';

/** A minimal article page in the 2021 layout, with only the nodes a reader sees. */
function page(body: string, scripts = ''): string {
  return `<!DOCTYPE html><html><head><title>t</title></head><body>
    <h1 id="activity-name">一个标题</h1><a id="js_name">某公众号</a>
    ${body}${scripts}</body></html>`;
}

describe('extractArticle never throws', () => {
  const documents: Array<[string, string]> = [
    ['an empty document', ''],
    ['only <html>', '<html></html>'],
    ['a body with text but no WeChat nodes', '<html><body><p>hello</p></body></html>'],
    ['an article body without account or title', '<div id="js_content"><p>正文</p></div>'],
    ['unterminated inline vars', '<script>var biz = "Mz; var nickname = htmlDecode("x; var ct = "12</script>'],
    ['library code where data is expected', '<script>var biz = null; var ct = {}; d.title = showTitle; var mid = (l + r) / 2;</script>'],
    ['a dangling ternary', "<script>d.title = xml ? getXmlValue('title.DATA') : </script>"],
    ['a huge unbalanced literal', `<script>var msg_title = '${'长'.repeat(200000)}</script>`],
  ];

  test.each(documents)('%s', (_name, html) => {
    for (const url of [URL_SHORT, URL_LONG, 'not a url', '']) {
      const result = extractArticle(parseDocument(html), url);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toBe('unreadable');
    }
  });

  test('a document whose DOM methods throw comes back unreadable', () => {
    const hostile = new Proxy(parseDocument('<html></html>'), {
      get(target, prop) {
        if (prop === 'getElementById' || prop === 'querySelector') throw new Error('detached');
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const result = extractArticle(hostile, URL_SHORT);
    expect(result).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  test('findListItems never throws on odd input', () => {
    const doc = parseDocument('<ul class="news-list"><li></li><li><h3><a>无账号</a></h3></li></ul>');
    expect(findListItems(doc, 'https://weixin.sogou.com/weixin?type=2&query=x')).toEqual([
      expect.objectContaining({ title: '无账号', accountName: null, link: null }),
    ]);
    expect(findListItems(doc, 'garbage')).toEqual([]);
    expect(findListItems(parseDocument(''), 'https://mp.weixin.qq.com/mp/appmsgalbum?__biz=x')).toEqual([]);
  });
});

describe('partial and duplicated pages', () => {
  test('duplicated #js_content: the first body is read, the page still extracts', () => {
    const html = page('<div id="js_content"><p>第一段</p></div><div id="js_content"><p>第二段</p></div>');
    const result = extractArticle(parseDocument(html), URL_LONG);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Article.parse(result.article).body).toBe('第一段');
  });

  test('duplicated #js_name and #activity-name: the first non-empty one wins', () => {
    const html = `<html><body><a id="js_name"> </a><a id="js_name">甲</a><h1 id="activity-name">题</h1>
      <h1 id="activity-name">另一个</h1><div id="js_content">正文</div></body></html>`;
    const result = extractArticle(parseDocument(html), URL_LONG);
    expect(result.ok).toBe(true);
    if (result.ok) expect([result.article.accountName, result.article.title]).toEqual(['甲', '题']);
  });

  test('no inline vars: identity comes from the URL, time and username stay unknown', () => {
    const doc = parseDocument(page('<div id="js_content"><p>正文</p></div>'));
    const long = extractArticle(doc, URL_LONG);
    const short = extractArticle(doc, URL_SHORT);
    expect(long.ok && short.ok).toBe(true);
    if (!long.ok || !short.ok) return;
    expect(long.article).toMatchObject({
      key: 'MzA3MDU1Mzg0MQ==:2699554672:6',
      accountId: 'MzA3MDU1Mzg0MQ==',
      accountName: '某公众号',
      accountUsername: null,
      publishedAt: null,
      kind: 'article',
      isOriginal: false,
      sourceUrl: null,
    });
    expect(short.article.key).toBe('s:AbCdEfGhIjKl');
    expect(short.article.accountId).toBeNull();
  });

  test('page vars win over the URL, so both URL forms agree', () => {
    const vars = '<script>var biz = "" || "MzI4NjAxNjY4Nw=="; var mid = "2650242275"; var idx = "1";</script>';
    const doc = parseDocument(page('<div id="js_content">正文</div>', vars));
    const keys = [URL_SHORT, URL_LONG].map((url) => {
      const result = extractArticle(doc, url);
      return result.ok ? result.article.key : result.reason;
    });
    expect(keys).toEqual(['MzI4NjAxNjY4Nw==:2650242275:1', 'MzI4NjAxNjY4Nw==:2650242275:1']);
  });

  test('a page with neither page vars nor an article URL has no stable key: unreadable', () => {
    const doc = parseDocument(page('<div id="js_content">正文</div>'));
    const result = extractArticle(doc, 'https://mp.weixin.qq.com/s?src=3&timestamp=1&ver=1&signature=x');
    expect(result).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  test('an article titled like an error message stays an article', () => {
    const html = `<html><body><h2 class="weui-msg__title">链接已过期</h2><h1 id="activity-name">链接已过期怎么办</h1>
      <a id="js_name">号</a><div id="js_content"><p>教你处理</p></div></body></html>`;
    const result = extractArticle(parseDocument(html), URL_LONG);
    expect(result.ok).toBe(true);
  });

  test('oversized or odd values still make a schema-valid Article', () => {
    const long = 'x'.repeat(30000);
    const html = `<html><body><a id="js_name">${long}</a><h1 id="activity-name">${long}</h1><div id="js_content">正文</div>
      <script>var msg_source_url = 'https://a.com/${long}'; var mid = "${'9'.repeat(40)}"; var ct = "abc";</script></body></html>`;
    const result = extractArticle(parseDocument(html), `https://mp.weixin.qq.com/s/${'a'.repeat(300)}`);
    expect(result.ok).toBe(false);
    const ok = extractArticle(parseDocument(html), URL_LONG);
    if (!ok.ok) throw new Error(ok.message);
    const article = Article.parse(ok.article);
    expect(article).toMatchObject({ key: 'MzA3MDU1Mzg0MQ==:2699554672:6', sourceUrl: null, publishedAt: null });
  });

  test('without a ct var the date shown on the page is read as Beijing time', () => {
    const html = page('<em id="post-date">2018-04-07</em><div id="js_content">正文</div>');
    const result = extractArticle(parseDocument(html), URL_LONG);
    expect(result.ok && result.article.publishedAt).toBe(Date.UTC(2018, 3, 6, 16, 0));
  });

  test('a share page whose <title> reads like an error stays a share', () => {
    const html = `<html><head><title>链接已过期</title></head><body><div id="js_article"></div>
      <script>d.nick_name = "某号"; d.title = "链接已过期怎么办"; d.biz = "MzA=="; d.mid = "1"; d.idx = "1";
      window.item_show_type = '8' || '';</script></body></html>`;
    const result = extractArticle(parseDocument(html), URL_SHORT);
    expect(result).toMatchObject({ ok: true, article: { key: 'MzA==:1:1', kind: 'image', title: '链接已过期怎么办' } });
  });

  test('cues come from the body only: a shop link in page chrome does not count', () => {
    const html = page(
      `<div id="js_content"><p>买<a href="https://item.taobao.com/item.htm?id=1">这个</a></p><img src="a.png">
        <mp-miniprogram data-miniprogram-appid="wx1"></mp-miniprogram><mp-common-product data-pid="1"></mp-common-product>
        <a class="weapp_text_link" data-miniprogram-appid="wx2" href="">小程序</a><a href="https://t.zsxq.com/abc">星球</a></div>
        <div id="js_bottom_ad_area"><a href="https://detail.tmall.com/x">广告</a></div>`,
      '<script>var msg_source_url = "https://shop123.youzan.com/v2/goods/x";</script>',
    );
    const result = extractArticle(parseDocument(html), URL_LONG);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.cues).toEqual({
      miniPrograms: 2,
      productCards: 1,
      images: 1,
      shopHosts: ['item.taobao.com', 't.zsxq.com', 'shop123.youzan.com'],
      paid: false,
    });
    expect(result.article.body).toBe('买这个\n小程序星球');
  });
});
