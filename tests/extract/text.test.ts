// The body text shape: plain text, one paragraph per line, as the labelled corpus was extracted
// (LABELING.md "How the texts were extracted", checked against the saved pages in corpus-overlap).
import { describe, expect, test } from 'vitest';
import { blockText, decodeEntities, htmlFragmentToText, normalizeLabel, normalizeText } from '../../src/extract/text';
import { parseDocument } from '../helpers/dom';

function bodyOf(html: string): string {
  const root = parseDocument(`<html><body><div id="root">${html}</div></body></html>`).getElementById('root');
  if (!root) throw new Error('no root');
  return blockText(root);
}

describe('blockText', () => {
  const cases: Array<[string, string, string]> = [
    ['blocks become lines', '<p>一</p><section><p>二</p>三</section><h2>四</h2>', '一\n二\n三\n四'],
    ['inline elements join', '<p><span>价格</span><strong>￥99</strong><em>起</em></p>', '价格￥99起'],
    ['br breaks a line', '<p>第一行<br>第二行<br/><br/></p>', '第一行\n第二行'],
    ['script, style, audio and players are skipped', '<p>a<script>var x = 1</script><style>p{}</style><audio>x</audio>b</p>', 'ab'],
    [
      'editor widgets filled by page JS are skipped',
      '<p>a<mpvoice>语音</mpvoice><mp-common-profile><span>阮一峰的网络日志</span>关注</mp-common-profile><qqmusic>歌</qqmusic>b</p>',
      'ab',
    ],
    ['indentation between inline tags is dropped (it would split CJK words)', '<p><span>热梗，</span>\n      <span>她站在</span></p>', '热梗，她站在'],
    ['a lone &nbsp; element is dropped, as in the corpus', '<p><span>之一 —</span><span>&nbsp;</span><span>定积分</span></p>', '之一 —定积分'],
    ['&nbsp; inside text is a space', '<p><span>21号&nbsp;</span><span>正式上线</span></p>', '21号 正式上线'],
    ['a typed space between inline tags stays', '<p><b>Hello</b> <i>world</i></p>', 'Hello world'],
    ['newlines inside text are spaces', '<p>● \n   受强冷空气影响</p>', '● 受强冷空气影响'],
    ['pre keeps its lines', '<pre><code>GET / HTTP/1.1</code><code>Host: a</code></pre><pre>x\ny</pre>', 'GET / HTTP/1.1\nHost: a\nx\ny'],
    ['table cells are spaced, rows are lines', '<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>', '甲 乙\n丙'],
    ['invisible characters go, emoji joiners stay', '<p>\u200b一\u3000二\ufeff 🙋\u200d♀️</p>', '一二 🙋\u200d♀️'],
    ['empty blocks leave no blank lines', '<p></p><p> </p><p><br></p><p>x</p>', 'x'],
  ];
  test.each(cases)('%s', (_name, html, expected) => {
    expect(bodyOf(html)).toBe(expected);
  });

  test('text written by a body script is read only when the page has not run it', () => {
    const readScript = (source: string): string | null => /"(.*)"/.exec(source)?.[1] ?? null;
    const root = (html: string): Element => {
      const el = parseDocument(`<div id="r">${html}</div>`).getElementById('r');
      if (!el) throw new Error('no root');
      return el;
    };
    expect(blockText(root('<p><script>document.write("写入的文字")</script></p>'), { readScript })).toBe('写入的文字');
    expect(blockText(root('<p><script>document.write("写入的文字")</script>写入的文字</p>'), { readScript })).toBe('写入的文字');
  });

  test('onElement sees every element the walk enters, but none inside skipped ones', () => {
    const seen: string[] = [];
    const root = parseDocument(
      '<div id="r"><p><img><a href="x">l</a></p><svg><a href="y"></a></svg><mp-miniprogram><a>x</a></mp-miniprogram></div>',
    ).getElementById('r');
    if (!root) throw new Error('no root');
    blockText(root, { onElement: (_el, tag) => seen.push(tag) });
    expect(seen).toEqual(['p', 'img', 'a', 'mp-miniprogram']);
  });
});

describe('normalizers', () => {
  test('normalizeText: NFC, spaces collapsed, lines trimmed, blank lines dropped', () => {
    expect(normalizeText('  a  \t b \n\n\n c\u00a0\u00a0d \r\n')).toBe('a b\nc d');
    expect(normalizeText('e\u0301')).toBe('é');
  });

  test('normalizeLabel: one line', () => {
    expect(normalizeLabel('\n  重磅 |\n 微信 ')).toBe('重磅 | 微信');
    expect(normalizeLabel(null)).toBe('');
  });

  test('normalizeLabel: spaces the author typed stay as typed; markup whitespace does not', () => {
    // A real title from the WeChat corpus (lazy13-001), double space and all.
    const title = '重养渴望爱的自己，学会被关系滋养  KY「亲密关系课」重磅上新——';
    expect(normalizeLabel(`\n    ${title}\n  `)).toBe(title);
    expect(normalizeLabel('上半句\n      下半句\t！')).toBe('上半句 下半句 ！');
    expect(normalizeLabel('a\u00a0 b')).toBe('a b');
  });

  test('decodeEntities: named, decimal and hex; unknown ones stay', () => {
    expect(decodeEntities('&lt;a&gt; &amp;amp; &quot;q&quot; &#39;s&#39; &#x4e2d; &yen;9 &bogus;')).toBe(
      '<a> &amp; "q" \'s\' 中 ¥9 &bogus;',
    );
  });

  test('htmlFragmentToText: a share caption with a link and breaks', () => {
    const html = '第一行\n<a href="http://mp.weixin.qq.com/s?a=1&amp;b=2">链接文字</a><br>第三行&nbsp;end';
    expect(htmlFragmentToText(html)).toBe('第一行\n链接文字\n第三行 end');
  });
});
