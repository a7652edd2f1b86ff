// List pages: Sogou on its real fixtures; album and rendered homepage (no saved page exists) on small
// pages built from DESIGN.md's album markup and the items Sogou's profile.js renders from `msgList`.
import { describe, expect, test } from 'vitest';
import { findListItems, listKind } from '../../src/extract';
import { loadFixture, parseDocument } from '../helpers/dom';

describe('listKind', () => {
  const cases: Array<[string, ReturnType<typeof listKind>]> = [
    ['https://weixin.sogou.com/weixin?type=2&query=%E5%BE%AE%E4%BF%A1', 'sogou-articles'],
    ['https://weixin.sogou.com/weixin?query=x&type=2&page=3', 'sogou-articles'],
    ['https://weixin.sogou.com/weixin?type=1&query=x', 'sogou-accounts'],
    ['https://mp.weixin.qq.com/mp/appmsgalbum?__biz=MzI4NjAxNjY4Nw==&action=getalbum&album_id=1#wechat_redirect', 'album'],
    ['https://mp.weixin.qq.com/mp/homepage?__biz=MzI4NjAxNjY4Nw==&hid=1', 'homepage'],
    ['https://mp.weixin.qq.com/profile?src=3&timestamp=1&ver=1&signature=x', 'homepage'],
    ['https://mp.weixin.qq.com/s/tr38EieqyftubIx2FMWUWw', null],
    ['https://mp.weixin.qq.com/s?__biz=MzI4NjAxNjY4Nw==&mid=1&idx=1&sn=x', null],
    ['https://mp.weixin.qq.com/mp/getverifyinfo?__biz=MzI4NjAxNjY4Nw==', null],
    ['https://weixin.sogou.com/', null],
    ['https://example.com/weixin?type=2', null],
    ['not a url', null],
  ];
  test.each(cases)('%s', (url, kind) => {
    expect(listKind(url)).toBe(kind);
  });
});

describe('Sogou results added later (scroll, next page)', () => {
  const url = 'https://weixin.sogou.com/weixin?type=2&query=%E5%BE%AE%E4%BF%A1';

  test('an added <li> is found when passed as the root itself', () => {
    const doc = loadFixture('listing_2021_sogou-search-articles_weixin.html');
    const all = findListItems(doc, url);
    const third = all[2];
    if (!third) throw new Error('fixture has fewer than 3 items');
    expect(findListItems(third.element, url)).toEqual([third]);
  });

  test('newer result markup: account in span.all-time-y2', () => {
    const doc = parseDocument(`<ul class="news-list"><li id="sogou_vr_11002601_box_0"><div class="txt-box">
      <h3><a href="/link?url=abc&amp;type=2"><em><!--red_beg-->微信<!--red_end--></em>又更新了</a></h3>
      <div class="s-p"><span class="all-time-y2">新华网</span><span class="s2">2021-7-27</span></div></div></li></ul>`);
    expect(findListItems(doc, url)).toEqual([
      {
        element: expect.anything(),
        title: '微信又更新了',
        accountName: '新华网',
        accountId: null,
        link: 'https://weixin.sogou.com/link?url=abc&type=2',
      },
    ]);
  });
});

describe('album (合集)', () => {
  const url = 'https://mp.weixin.qq.com/mp/appmsgalbum?__biz=MzI4NjAxNjY4Nw==&action=getalbum&album_id=1#wechat_redirect';
  const html = `<html><body><div class="album__head"><div class="album__author-name">阮一峰的网络日志</div></div>
    <ul class="album__list js_album_list">
      <li class="album__list-item js_album_item js_wx_tap_highlight" data-msgid="2650242275" data-itemidx="1"
          data-link="http://mp.weixin.qq.com/s?__biz=MzI4NjAxNjY4Nw==&amp;mid=2650242275&amp;idx=1&amp;sn=x#rd"
          data-title="科技爱好者周刊#372：软件界面如何设计"><div class="album__item-title">科技爱好者周刊#372</div></li>
      <li class="album__list-item js_album_item" data-link="https://mp.weixin.qq.com/s/abc" data-title="">
          <span class="album__item-title-wrp">第 371 期</span></li>
    </ul></body></html>`;

  test('items carry data-title, data-link, the author name and the page biz', () => {
    const items = findListItems(parseDocument(html), url);
    expect(items.map(({ title, accountName, accountId, link }) => ({ title, accountName, accountId, link }))).toEqual([
      {
        title: '科技爱好者周刊#372：软件界面如何设计',
        accountName: '阮一峰的网络日志',
        accountId: 'MzI4NjAxNjY4Nw==',
        link: 'http://mp.weixin.qq.com/s?__biz=MzI4NjAxNjY4Nw==&mid=2650242275&idx=1&sn=x#rd',
      },
      { title: '第 371 期', accountName: '阮一峰的网络日志', accountId: 'MzI4NjAxNjY4Nw==', link: 'https://mp.weixin.qq.com/s/abc' },
    ]);
  });

  test('items loaded on scroll are found from their container', () => {
    const doc = parseDocument(html);
    const list = doc.querySelector('.album__list');
    if (!list) throw new Error('no list');
    expect(findListItems(list, url)).toHaveLength(2);
  });
});

describe('account homepage', () => {
  const url = 'https://mp.weixin.qq.com/mp/homepage?__biz=MjM5NzQwNjcyMQ==&hid=2';

  test('every linked article on the page belongs to the page account', () => {
    const doc = parseDocument(`<html><body><strong class="profile_nickname">大象公会</strong>
      <div class="weui_msg_card_list" id="history"><div class="weui_msg_card">
        <div class="weui_media_box appmsg"><span class="weui_media_hd" hrefs="/s?timestamp=1&amp;src=3&amp;signature=a"></span>
          <div class="weui_media_bd"><h4 class="weui_media_title" hrefs="/s?timestamp=1&amp;src=3&amp;signature=a">卫生巾为什么这么贵</h4></div></div>
        <div class="weui_media_box appmsg"><div class="weui_media_bd">
          <h4 class="weui_media_title" hrefs="/s?timestamp=2&amp;src=3&amp;signature=b">第二篇</h4></div></div>
      </div></div>
      <a href="https://mp.weixin.qq.com/mp/homepage?__biz=MjM5NzQwNjcyMQ==">不是文章</a></body></html>`);
    const items = findListItems(doc, url);
    expect(items.map(({ title, accountName, accountId, link }) => ({ title, accountName, accountId, link }))).toEqual([
      {
        title: '卫生巾为什么这么贵',
        accountName: '大象公会',
        accountId: 'MjM5NzQwNjcyMQ==',
        link: 'https://mp.weixin.qq.com/s?timestamp=1&src=3&signature=a',
      },
      { title: '第二篇', accountName: '大象公会', accountId: 'MjM5NzQwNjcyMQ==', link: 'https://mp.weixin.qq.com/s?timestamp=2&src=3&signature=b' },
    ]);
    for (const item of items) expect(item.element.classList.contains('weui_media_box')).toBe(true);
  });

  test('without __biz in the URL the page var names the account', () => {
    const doc = parseDocument(`<html><head><script>var biz = "MjM5NzQwNjcyMQ==" || "";</script></head><body>
      <ul><li><a href="https://mp.weixin.qq.com/s/abc"><span class="title">一篇</span></a></li></ul></body></html>`);
    const [item] = findListItems(doc, 'https://mp.weixin.qq.com/profile?src=3&timestamp=1&ver=1&signature=x');
    expect(item).toMatchObject({ title: '一篇', accountId: 'MjM5NzQwNjcyMQ==', link: 'https://mp.weixin.qq.com/s/abc' });
  });
});
