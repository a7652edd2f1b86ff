// The inline-var syntaxes seen across the years (2017–2026), taken from the fixture pages, plus the
// library code that sits next to them and must not be mistaken for data.
import { describe, expect, test } from 'vitest';
import { decodeJsString, findAssigned, literalValueAt, PageScripts, readInlineVars } from '../../src/extract/inline-vars';
import { parseDocument } from '../helpers/dom';

describe('literalValueAt', () => {
  const cases: Array<[string, string | null]> = [
    [`"新氧"`, '新氧'],
    [`'新氧'`, '新氧'],
    [`htmlDecode("阮一峰的网络日志")`, '阮一峰的网络日志'],
    [`'两家大行行长空缺'.html(false)`, '两家大行行长空缺'],
    [`JsDecode('神光的编程秘籍')`, '神光的编程秘籍'],
    [`"" || "MzI4NjAxNjY4Nw=="`, 'MzI4NjAxNjY4Nw=='],
    [`"" || "" || "2651788393"`, '2651788393'],
    [`'' || ''|| "2699554672"`, '2699554672'],
    [`"1762475508" * 1`, '1762475508'],
    [`'' * 1 || 0`, ''],
    [`xml ? getXmlValue('nick_name.DATA') : '36氪'`, '36氪'],
    [`(xml ? getXmlValue('nick_name.DATA') : '36氪').html(false)`, '36氪'],
    [`xml ? getXmlValue('bizuin.DATA') || getXmlValue('__biz') : 'MzI2NDk5NzA0Mw==' || ''`, 'MzI2NDk5NzA0Mw=='],
    [`xml ? getXmlValue('ori_create_time.DATA') * 1 : '1779506986' * 1`, '1779506986'],
    [`'第一行\\x0a第二行 \\x26quot;x\\x26quot;'`, '第一行\n第二行 &quot;x&quot;'],
    [`"\\u4e2d\\u6587 \\"q\\" \\\\"`, '中文 "q" \\'],
    [`JsDecode('a\\\\x26b')`, 'a&b'],
    [`''`, ''],
    [`window.title = '英伟达霸权「瓦解」？' || ''`, '英伟达霸权「瓦解」？'],
    [`a == 'x'`, null],
    [`null`, null],
    [`opt.biz || window.biz`, null],
    [`showTitle`, null],
    [`0`, null],
    [`(l + r) / 2`, null],
    [`"unterminated`, null],
  ];
  test.each(cases)('%s', (source, expected) => {
    expect(literalValueAt(source, 0)).toBe(expected);
  });
});

describe('findAssigned', () => {
  test('skips non-literal assignments and comparisons until a literal comes', () => {
    const js = `var biz = null; if (x.biz == "a") {} var biz = opt.biz || window.biz; var biz = "" || "MzA=="`;
    expect(findAssigned(js, 'var biz')).toBe('MzA==');
  });
  test('respects identifier boundaries', () => {
    expect(findAssigned(`var bizuin = "x"; var _biz = "y"; a.var biz = "z"`, 'var biz')).toBeNull();
    expect(findAssigned(`var real_item_show_type = "8"; var item_show_type = "0"`, 'var item_show_type')).toBe('0');
  });
  test('an empty literal counts as present-but-empty when nothing better follows', () => {
    expect(findAssigned(`var msg_source_url = ''`, 'var msg_source_url')).toBe('');
  });
  test('accept() rejects look-alikes such as a formatted date where epoch seconds are wanted', () => {
    const js = `create_time: JsDecode('2025-03-27 18:27'), ori_create_time: '1743071233' * 1, create_time: '1743071233'`;
    expect(findAssigned(js, 'create_time', 0, (v) => /^\d+$/.test(v))).toBe('1743071233');
  });
});

describe('readInlineVars', () => {
  const html = `<html><head>
    <script src="lib.js"></script>
    <script>var biz = null; var nickname = window.nickname; nick_name: '微信广告';</script>
    <script>var biz = "" || "MzIzNDcyMTI5MQ=="; var mid = "" || "" || "2247664546"; var idx = "" || "2";</script>
    <script>var nickname = htmlDecode("金榜时代官微"); var ct = "1764842451"; var user_name = "gh_bc6c492e205e";
      var msg_title = '睡前数学知识点&amp;Day15'.html(false); var msg_source_url = '';</script>
    <script>window.cgiDataNew = { base_resp: { ret: '0' * 1 }, nick_name: JsDecode('金榜'), advert: { nick_name: '微信广告' },
      content_noencode: JsDecode('正文\\x0a第二段') };</script>
    </head><body></body></html>`;
  const doc = parseDocument(html);

  test('reads each syntax and skips library code and ad templates', () => {
    const vars = readInlineVars(new PageScripts(doc), {
      biz: { markers: ['var biz'], required: true },
      mid: { markers: ['var mid'], required: true },
      idx: { markers: ['var idx'], required: true },
      nickname: { markers: ['var nickname'], required: true },
      ct: { markers: ['var ct'], required: true },
      title: { markers: ['var msg_title'] },
      sourceUrl: { markers: ['var msg_source_url'] },
    });
    expect(vars).toEqual({
      biz: 'MzIzNDcyMTI5MQ==',
      mid: '2247664546',
      idx: '2',
      nickname: '金榜时代官微',
      ct: '1764842451',
      title: '睡前数学知识点&amp;Day15',
      sourceUrl: '',
    });
  });

  test('reads top-level keys of window.cgiDataNew, not the nested ad template', () => {
    const vars = readInlineVars(new PageScripts(doc), {
      nickname: { markers: [], objectKeys: ['nick_name'], required: true },
      content: { markers: [], objectKeys: ['content_noencode'], required: true },
    });
    expect(vars).toEqual({ nickname: '金榜', content: '正文\n第二段' });
  });

  test('decodeJsString handles the escapes WeChat writes', () => {
    expect(decodeJsString('a\\x26b\\u00e9\\n\\\'\\\\')).toBe("a&bé\n'\\");
  });
});
