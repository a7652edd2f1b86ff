// Every real fixture page (all 30 and the derived copy) against what a reader sees on it: the values
// below were read off each page by hand (SOURCES.md, the page's DOM and its inline vars).
import { describe, expect, test } from 'vitest';
import { Article, type ArticleKind, type NotArticleReason } from '../../src/core/article';
import { extractArticle, findListItems, listKind } from '../../src/extract';
import { loadFixture } from '../helpers/dom';

interface ArticleRow {
  type: 'article';
  file: string;
  jsonEscaped?: boolean;
  accountName: string;
  accountId: string;
  username: string;
  title: string;
  /** `var ct` / `create_time`, epoch seconds. */
  ct: number;
  kind: ArticleKind;
  isOriginal: boolean;
  sourceUrl: string | null;
  mid: string;
  idx: string;
  paid?: boolean;
  /** A phrase of the article's own text. */
  has: string;
  /** Page chrome or code next to the body that must stay out of it. */
  lacks: string;
}

interface ErrorRow {
  type: 'error';
  file: string;
  jsonEscaped?: boolean;
  reason: NotArticleReason;
  message: string;
}

interface ListingRow {
  type: 'listing';
  file: string;
  url: string;
  count: number;
  pairs: Array<[title: string, accountName: string]>;
  note?: string;
}

type Row = ArticleRow | ErrorRow | ListingRow;

const ROWS: Row[] = [
  {
    type: 'article',
    file: 'article_2018_qqmusic-original_xianyunyehe-guci_service.html',
    accountName: '闲云野鹤古刹',
    accountId: 'MzIwOTc2ODc1NQ==',
    username: 'gh_bdbd9b1b592d',
    title: '关于音乐',
    ct: 1523110915,
    kind: 'article',
    isOriginal: true,
    sourceUrl: null,
    mid: '2247484727',
    idx: '1',
    has: '文艺青年消遣有四大法宝',
    lacks: '微信扫一扫',
  },
  {
    type: 'article',
    file: 'article_2018_mpvoice-vote-morning-news_changjiang-ribao_service.html',
    accountName: '长江日报',
    accountId: 'MjM5ODAyNTcwMA==',
    username: 'gh_09f57d9c1048',
    title: '语音 | 早安武汉〔2018.3.19 周一〕',
    ct: 1521408600,
    kind: 'article',
    isOriginal: false,
    sourceUrl: null,
    mid: '2651788393',
    idx: '1',
    has: '◇杨晓渡当选为中华人民共和国国家监察委员会主任。',
    lacks: 'voice_encode_fileid',
  },
  {
    type: 'article',
    file: 'article_2018_news-digest-wxid-username_huashangbao_service.html',
    accountName: '华商报',
    accountId: 'ODUzMjkwMzYx',
    username: 'wxid_9443134431811',
    title: '4月6日周五【新闻速览一分钟】',
    ct: 1522968980,
    kind: 'article',
    isOriginal: false,
    sourceUrl: null,
    mid: '2654593305',
    idx: '1',
    has: '清明公祭轩辕黄帝典礼',
    lacks: '微信扫一扫',
  },
  {
    type: 'article',
    file: 'article_2018_platform-announcement_weixinpai_service.html',
    accountName: '微信派',
    accountId: 'MjM5NjM4MDAxMg==',
    username: 'gh_bc5ec2ee663f',
    title: '重磅 | 微信订阅号全新改版上线！',
    ct: 1529491955,
    kind: 'article',
    isOriginal: false,
    sourceUrl: null,
    // `var mid` is empty on this page; mid and idx come from `var msg_link`.
    mid: '2655078412',
    idx: '1',
    has: '今天，订阅号正式改版上线。',
    lacks: '微信扫一扫',
  },
  {
    type: 'article',
    file: 'article_2018_celebrity-face-analysis-soft-marketing_xinyang-soyoung_promotional-borderline.html',
    accountName: '新氧',
    accountId: 'MjM5OTIwNjQxNw==',
    username: 'gh_a7b43ab0a9c2',
    title: '周洁琼怕是杨幂2.0吧，不仅爱撩汉，连婆婆嘴都越来越像...',
    ct: 1540050546,
    kind: 'article',
    isOriginal: true,
    sourceUrl: 'http://st.soyoung.com/t?xysource=8642',
    mid: '2660199508',
    idx: '1',
    has: '撩汉大法三连招',
    lacks: '阅读原文',
  },
  {
    type: 'article',
    file: 'article_2018_clothing-product-list-json-escaped_huanxi-xiangce_promotional.html',
    jsonEscaped: true,
    accountName: '欢喜相册',
    accountId: 'MzA3MDU1Mzg0MQ==',
    username: 'gh_414eba38cbf6',
    title: '穿这些裙子的女人，才是最有魅力的，特别第八款！',
    ct: 1532728968,
    kind: 'article',
    isOriginal: false,
    sourceUrl: null,
    mid: '2699554672',
    idx: '6',
    has: '【售价：￥135，券后价：￥105】',
    lacks: '\\n',
  },
  {
    type: 'article',
    file: 'article_2018_clothing-product-list_huanxi-xiangce_promotional.unescaped.derived.html',
    accountName: '欢喜相册',
    accountId: 'MzA3MDU1Mzg0MQ==',
    username: 'gh_414eba38cbf6',
    title: '穿这些裙子的女人，才是最有魅力的，特别第八款！',
    ct: 1532728968,
    kind: 'article',
    isOriginal: false,
    sourceUrl: null,
    mid: '2699554672',
    idx: '6',
    has: '长 按 二 维 码 即 可 购 买',
    lacks: '微信扫一扫',
  },
  {
    type: 'article',
    file: 'article_2020_bank-exec-changes_qingjinrong_service.html',
    accountName: '轻金融',
    accountId: 'MzIwNjU2ODk1MQ==',
    username: 'gh_4bbaf5673363',
    title: '两家大行行长空缺',
    ct: 1608818529,
    kind: 'article',
    isOriginal: false,
    sourceUrl: null,
    mid: '2247497639',
    idx: '1',
    has: '工商银行行长谷澍拟接替周慕冰',
    lacks: '预览时标签不可点',
  },
  {
    type: 'article',
    file: 'article_2021_tech-news-with-album-tags_haojiyou_service.html',
    accountName: '好机友',
    accountId: 'MjM5MDYxMDA0MQ==',
    username: 'gh_e80203d95064',
    title: '微信又更新，但这功能来得太晚了',
    ct: 1626534037,
    kind: 'article',
    isOriginal: true,
    sourceUrl: null,
    mid: '2751331180',
    idx: '1',
    has: '大家期待的CallKit依旧没来。',
    lacks: '预览时标签不可点',
  },
  {
    type: 'article',
    file: 'article_2022_local-gov-news_zhangshang-suide_service.html',
    accountName: '掌上绥德',
    accountId: 'MzAxMzgxNzUxOA==',
    username: 'gh_6bab8b88e75e',
    title: '绥德：33名退役军人被表彰',
    ct: 1659274471,
    kind: 'article',
    isOriginal: false,
    sourceUrl: null,
    mid: '2650804290',
    idx: '8',
    has: '首届“最美退役军人”表彰大会',
    lacks: '收录于合集',
  },
  {
    type: 'article',
    file: 'article_2025_weekly-original-with-source-url_ruanyifeng_service.html',
    accountName: '阮一峰的网络日志',
    accountId: 'MzI4NjAxNjY4Nw==',
    username: 'gh_2f5c59ad6e1e',
    title: '科技爱好者周刊#372：软件界面如何设计',
    ct: 1762475508,
    kind: 'article',
    isOriginal: true,
    sourceUrl: 'https://www.ruanyifeng.com/blog/2025/11/weekly-issue-372.html',
    mid: '2650242275',
    idx: '1',
    has: '[本周软件] NocoBase',
    lacks: 'defaultMidAdData',
  },
  {
    type: 'article',
    file: 'article_2025_math-tip-then-course-sale_jinbang-shidai_promotional.html',
    accountName: '金榜时代官微',
    accountId: 'MzIzNDcyMTI5MQ==',
    username: 'gh_bc6c492e205e',
    title: '睡前数学知识点｜Day15：疯狂星期四，V你一个知识点：定积分核心公式~',
    ct: 1764842451,
    kind: 'article',
    isOriginal: false,
    sourceUrl: null,
    mid: '2247664546',
    idx: '2',
    has: '硕哥数学过线急救班',
    lacks: '微信广告',
  },
  {
    type: 'article',
    file: 'article_2025_reprint-share-with-course-footer_xuanyuan_service.html',
    accountName: '轩辕的编程宇宙',
    accountId: 'MzIyNjMxOTY0NA==',
    username: 'gh_fe02be2b2ff0',
    title: 'Google的这个AI新产品，在YouTube上爆火了！',
    ct: 1762390511,
    kind: 'article',
    isOriginal: false,
    sourceUrl: null,
    mid: '2247504165',
    idx: '1',
    has: '最后日常推荐一下我的知识星球',
    lacks: '以下文章来源于',
  },
  {
    type: 'article',
    file: 'article_2026_paid-article-novel-recs_xiaoshuo-shiyi_service.html',
    accountName: '小说拾遗',
    accountId: 'MzI2MDg2NjAwMg==',
    username: 'gh_625dcd91968f',
    title: '来聊聊我心目中近三年的仙草（2022-2025）',
    ct: 1775038385,
    kind: 'article',
    isOriginal: true,
    sourceUrl: null,
    mid: '2247495124',
    idx: '1',
    paid: true,
    has: '《赛博剑仙铁雨》',
    lacks: '已付费',
  },
  {
    type: 'article',
    file: 'share-video_2019_type5_banyuetan_service.html',
    accountName: '半月谈',
    accountId: 'MjM5OTU4Nzc0Mg==',
    username: 'gh_e3ae8ac3dd21',
    title: '半月谈《基层说》',
    ct: 1558073716,
    kind: 'video',
    isOriginal: false,
    sourceUrl: null,
    mid: '2658636581',
    idx: '1',
    has: '各项政令落地的“最后一公里”',
    lacks: 'innerHTML',
  },
  {
    type: 'article',
    file: 'share-image_2018_type8_xiaodao-xiaoxi_service.html',
    accountName: '小道消息',
    accountId: 'MjM5ODIyMTE0MA==',
    username: 'gh_70949f33590e',
    title: '分享图片',
    ct: 1534259178,
    kind: 'image',
    isOriginal: false,
    sourceUrl: null,
    mid: '2650971238',
    idx: '1',
    has: '在知识星球文字直播吧',
    lacks: 'document.write',
  },
  {
    type: 'article',
    file: 'share-image_2025_type8-paid-booklet-launch_shenguang_promotional.html',
    accountName: '神光的编程秘籍',
    accountId: 'Mzg3OTYzMDkzMg==',
    username: 'gh_7aed10cde089',
    title: 'Three.js 小册上线了，我最重要的一部作品',
    ct: 1743071233,
    kind: 'image',
    isOriginal: false,
    sourceUrl: null,
    mid: '2247503667',
    idx: '1',
    has: '所以按照 300 节来定价的，一节一块钱',
    lacks: '微信广告',
  },
  {
    type: 'article',
    file: 'share-image_2026_type8-news-new-cgidata_36kr_service.html',
    accountName: '36氪',
    accountId: 'MzI2NDk5NzA0Mw==',
    username: 'gh_240fbf8b33e4',
    title: '英伟达霸权「瓦解」？半导体兴风作浪',
    ct: 1779506986,
    kind: 'image',
    isOriginal: false,
    sourceUrl: null,
    mid: '2248889396',
    idx: '1',
    has: '"Talk is Cheap. Show me the data."',
    lacks: '\\x0a',
  },
  {
    type: 'article',
    file: 'share-text_2023_type10-618-course-sale_jinbang-shidai_promotional.html',
    accountName: '金榜时代官微',
    accountId: 'MzIzNDcyMTI5MQ==',
    username: 'gh_bc6c492e205e',
    title: '现在复习是不是进入倦怠期了？',
    ct: 1687078190,
    kind: 'text',
    isOriginal: false,
    sourceUrl: null,
    mid: '2247615650',
    idx: '1',
    has: '🎉618年中大促：超多好礼等你来',
    lacks: 'data-itemshowtype',
  },
  {
    type: 'article',
    file: 'share-text_2025_type10-training-camp-signup_xuanyuan_promotional.html',
    accountName: '轩辕的编程宇宙',
    accountId: 'MzIyNjMxOTY0NA==',
    username: 'gh_fe02be2b2ff0',
    title: '刚看了一下后台数据，EasyTshark有两万多用户了，新版本发布不到一个月，也有3000多用户了。',
    ct: 1765106985,
    kind: 'text',
    isOriginal: false,
    sourceUrl: null,
    mid: '2247504437',
    idx: '1',
    has: '我的微信：xuanyuanuncle',
    lacks: '微信扫一扫',
  },
  { type: 'error', file: 'error_2018_link-expired.html', reason: 'expired', message: '链接已过期' },
  {
    type: 'error',
    file: 'error_2019_rate-limit-verify-identity-json-escaped.html',
    jsonEscaped: true,
    reason: 'rate-limited',
    message: '访问过于频繁',
  },
  {
    type: 'error',
    file: 'error_2025_content-violation-excessive-marketing_shenguang.html',
    reason: 'violation',
    message: '涉嫌过度营销',
  },
  { type: 'error', file: 'error_2025_deleted-by-author.html', reason: 'deleted', message: '该内容已被发布者删除' },
  { type: 'error', file: 'error_2025_temporarily-unavailable.html', reason: 'unavailable', message: '该内容暂时无法查看' },
  {
    type: 'listing',
    file: 'listing_2017_sogou-search-articles_gaokao.html',
    url: 'https://weixin.sogou.com/weixin?type=2&query=%E9%AB%98%E8%80%83',
    count: 10,
    pairs: [
      ['高考有多重要,为什么要重视高考?丨微观点', '占豪'],
      ['高考填志愿,如何选专业?学长学姐有话说', '阳光高考信息平台'],
    ],
  },
  {
    type: 'listing',
    file: 'listing_2021_sogou-search-articles_weixin.html',
    url: 'https://weixin.sogou.com/weixin?type=2&query=%E5%BE%AE%E4%BF%A1',
    count: 10,
    pairs: [
      ['微信突然暂停注册!', '新闻夜航'],
      ['微信又更新,但这功能来得太晚了', '好机友'],
    ],
  },
  {
    type: 'listing',
    file: 'listing_2021_sogou-search-accounts_weixin.html',
    url: 'https://weixin.sogou.com/weixin?type=1&query=%E5%BE%AE%E4%BF%A1',
    count: 10,
    pairs: [
      ['微信派', '微信派'],
      ['微信支付粉丝团', '微信支付粉丝团'],
    ],
  },
  {
    type: 'listing',
    file: 'listing_2018_sogou-profile-recent10-msglist_daxiang-gonghui.html',
    url: 'https://mp.weixin.qq.com/profile?src=3&timestamp=1535378066&ver=1&signature=x',
    count: 0,
    pairs: [],
    note: '#history is empty until sougou/profile.js renders `var msgList`; nothing to hide in the raw page',
  },
  {
    type: 'listing',
    file: 'listing_2021_sogou-profile-empty-msglist_weixinpai.html',
    url: 'https://mp.weixin.qq.com/profile?src=3&timestamp=1628561202&ver=1&signature=x',
    count: 0,
    pairs: [],
  },
  {
    type: 'listing',
    file: 'account-info_2025_getverifyinfo_ruanyifeng.html',
    url: 'https://mp.weixin.qq.com/mp/getverifyinfo?__biz=MzI4NjAxNjY4Nw==',
    count: 0,
    pairs: [],
    note: 'an "about this account" page: neither an article nor a list',
  },
];

/** Text that is never article prose: WeChat's ad template, page chrome, markup and its escapes. */
const NEVER_IN_BODY = ['defaultMidAdData', '微信广告', '预览时标签不可点', '继续滑动看下一个', '<span', '&nbsp;', '&quot;', '\u00a0', '\u200b'];

describe('extraction of every real fixture page', () => {
  test('the table covers every fixture page', async () => {
    const { readdirSync } = await import('node:fs');
    const { FIXTURE_DIR } = await import('../helpers/dom');
    const pages = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.html')).sort();
    expect(ROWS.map((r) => r.file).sort()).toEqual(pages);
  });

  test.each(ROWS)('$file', (row) => {
    const doc = loadFixture(row.file, { jsonEscaped: 'jsonEscaped' in row && row.jsonEscaped === true });
    if (row.type === 'article') {
      const result = extractArticle(doc, 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv');
      if (!result.ok) throw new Error(`${result.reason}: ${result.message}`);
      const article = Article.parse(result.article);
      expect({
        key: article.key,
        accountName: article.accountName,
        accountId: article.accountId,
        accountUsername: article.accountUsername,
        title: article.title,
        publishedAt: article.publishedAt,
        kind: article.kind,
        isOriginal: article.isOriginal,
        sourceUrl: article.sourceUrl,
        paid: article.cues.paid,
      }).toEqual({
        key: `${row.accountId}:${row.mid}:${row.idx}`,
        accountName: row.accountName,
        accountId: row.accountId,
        accountUsername: row.username,
        title: row.title,
        publishedAt: row.ct * 1000,
        kind: row.kind,
        isOriginal: row.isOriginal,
        sourceUrl: row.sourceUrl,
        paid: row.paid ?? false,
      });
      expect(article.body).toContain(row.has);
      expect(article.body).not.toContain(row.lacks);
      for (const never of NEVER_IN_BODY) expect(article.body).not.toContain(never);
      // The corpus shape: one trimmed, non-empty paragraph per line.
      const lines = article.body.split('\n');
      expect(lines.every((line) => line.length > 0 && line === line.trim() && !line.includes('  '))).toBe(true);
      expect(article.body).toBe(article.body.normalize('NFC'));
    } else if (row.type === 'error') {
      const result = extractArticle(doc, 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reason).toBe(row.reason);
      expect(result.message).toContain(row.message);
    } else {
      const items = findListItems(doc, row.url);
      expect(items).toHaveLength(row.count);
      const pairs = items.map((item) => [item.title, item.accountName]);
      for (const pair of row.pairs) expect(pairs).toContainEqual(pair);
      for (const item of items) {
        expect(item.element.tagName).toBe('LI');
        expect(item.link).toMatch(/^https?:\/\//);
      }
      // A list page is never counted as an article.
      const asArticle = extractArticle(doc, row.url);
      expect(asArticle.ok).toBe(false);
    }
  });
});

describe('article identity', () => {
  const articles = ROWS.filter((r): r is ArticleRow => r.type === 'article');

  test.each(articles)('both URL forms give the same key: $file', (row) => {
    const doc = loadFixture(row.file, { jsonEscaped: row.jsonEscaped === true });
    const short = extractArticle(doc, 'https://mp.weixin.qq.com/s/Q6mVJwc9osuVA0n6Fa2n7Q');
    const long = extractArticle(
      doc,
      `https://mp.weixin.qq.com/s?__biz=${encodeURIComponent(row.accountId)}&mid=${row.mid}&idx=${row.idx}&sn=0123456789abcdef#rd`,
    );
    expect(short.ok && long.ok).toBe(true);
    if (short.ok && long.ok) expect(short.article.key).toBe(long.article.key);
  });

  test('listKind tells list pages from article pages', () => {
    expect(listKind('https://mp.weixin.qq.com/s/Q6mVJwc9osuVA0n6Fa2n7Q')).toBeNull();
  });
});
