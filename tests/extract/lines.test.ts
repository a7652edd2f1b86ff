// Where each body line sits in the page: recorded on the extraction walk, checked on every real
// page of every layout against the text itself, and turned into the paragraphs a pitch segment marks.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classify } from '../../src/core/classify';
import { extractArticle, type BodyLines } from '../../src/extract';
import { PageScripts, readInlineVars } from '../../src/extract/inline-vars';
import { paragraphOf, segmentNodes } from '../../src/extract/pitch-nodes';
import { blockText, type LineSources } from '../../src/extract/text';
import { CORPUS_DIR, FIXTURE_DIR, loadCorpusPage, loadFixture, parseDocument, readFixtureText } from '../helpers/dom';

const URL = 'https://mp.weixin.qq.com/s/AbCdEfGhIjKl';
const squash = (s: string): string => s.replace(/[\s\u200b\u2060]+/g, '');

/** Text of the text nodes from `first` to `last` in document order (linkedom has no Range text). */
function textBetween(first: Node, last: Node, root: Element): string {
  if (first === last) return first.nodeType === 3 ? (first as Text).data : '';
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  let out = '';
  let on = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === first) on = true;
    if (on) out += (n as Text).data;
    if (n === last) break;
  }
  return out;
}

/** Every line's text is what its first…last nodes hold, and they sit inside the root, in order. */
function expectLinesMatch(body: string, lines: BodyLines): void {
  const text = body.split('\n');
  const order = new Map<Node, number>();
  const walker = lines.root.ownerDocument.createTreeWalker(lines.root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) order.set(n, order.size);
  expect(lines.first).toHaveLength(text.length);
  expect(lines.last).toHaveLength(text.length);
  for (let i = 0; i < text.length; i++) {
    const first = lines.first[i]!;
    const last = lines.last[i]!;
    expect(lines.root.contains(first), `line ${i}`).toBe(true);
    expect(lines.root.contains(last), `line ${i}`).toBe(true);
    // A line a script wrote comes from that script; the others from text nodes holding exactly it.
    if (first.nodeType === 1) continue;
    const between = squash(textBetween(first, last, lines.root));
    // One node can hold several lines (inside <pre>); lines over several nodes start and end with them.
    if (first === last) expect(between, `line ${i}`).toContain(squash(text[i]!));
    else expect(between, `line ${i}: ${text[i]}`).toBe(squash(text[i]!));
    if (i > 0 && lines.first[i - 1]!.nodeType === 3) {
      // Document order: the previous line starts before this one (or in the same <pre> node).
      expect(order.get(first)!, `order at ${i}`).toBeGreaterThanOrEqual(order.get(lines.first[i - 1]!)!);
    }
  }
}

const fixtureArticles = readdirSync(FIXTURE_DIR).filter((f) => /^(article|share)/.test(f) && f.endsWith('.html') && !f.includes('json-escaped'));

/** What each layout has to mark: the body's own element, or nothing when the body is only inline JS. */
const LINES_ROOT: Record<string, string | null> = {
  article: 'js_content',
  'share-video': 'js_content',
  'share-image_2018': 'js_content',
  'share-image_2025': null,
  'share-image_2026': null,
  'share-text': null,
};
const layoutOf = (file: string): string => Object.keys(LINES_ROOT).find((k) => file.startsWith(k)) ?? '?';

describe('body lines in the page, on every real fixture page', () => {
  test('the table names every layout', () => {
    for (const f of fixtureArticles) expect(LINES_ROOT[layoutOf(f)], f).not.toBeUndefined();
  });

  test.each(fixtureArticles)('%s', (file) => {
    const result = extractArticle(loadFixture(file), URL);
    if (!result.ok) throw new Error(result.message);
    const root = LINES_ROOT[layoutOf(file)];
    if (root === null) {
      // The saved page is the server's HTML: WeChat's own script has not shown the caption yet.
      expect(result.lines).toBeNull();
      return;
    }
    expect(result.lines?.root.id).toBe(root);
    expectLinesMatch(result.article.body, result.lines!);
  });
});

describe('body lines on the saved corpus pages of other years', () => {
  const ids = readFileSync(resolve(CORPUS_DIR, 'pages/INDEX.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[1])
    .filter((id): id is string => Boolean(id));
  test.each(ids)('%s', (id) => {
    const result = extractArticle(loadCorpusPage(id), URL);
    if (!result.ok) throw new Error(result.message);
    if (id.startsWith('exporter-text') || id === 'exporter-image-05') {
      expect(result.lines).toBeNull();
      return;
    }
    expectLinesMatch(result.article.body, result.lines!);
  });
});

/** A text share as WeChat's script shows it: the message with a `<br>` per line break. */
function renderedTextShare(file: string): Document {
  const doc = parseDocument(readFixtureText(file));
  const { content } = readInlineVars(new PageScripts(doc), { content: { markers: [], objectKeys: ['content_noencode'], required: true } });
  doc.getElementById('js_text_desc')!.innerHTML = (content ?? '').replace(/\r/g, '').replace(/\n/g, '<br>');
  return doc;
}

describe('text shares once the page has shown the message', () => {
  test.each(['share-text_2023_type10-618-course-sale_jinbang-shidai_promotional.html', 'share-text_2025_type10-training-camp-signup_xuanyuan_promotional.html'])(
    '%s: the same body, its lines in #js_text_desc',
    (file) => {
      const raw = extractArticle(loadFixture(file), URL);
      const shown = extractArticle(renderedTextShare(file), URL);
      if (!raw.ok || !shown.ok) throw new Error('unreadable');
      expect(shown.article).toEqual(raw.article);
      expect(shown.lines?.root.id).toBe('js_text_desc');
      expectLinesMatch(shown.article.body, shown.lines!);
    },
  );

  test('a message shown differently from its inline copy is not mapped', () => {
    const doc = renderedTextShare('share-text_2023_type10-618-course-sale_jinbang-shidai_promotional.html');
    doc.getElementById('js_text_desc')!.append(doc.createTextNode('页面另加的一行'));
    const result = extractArticle(doc, URL);
    expect(result.ok && result.lines).toBeNull();
  });
});

describe('blockText line sources', () => {
  const walk = (html: string): { text: string; first: string[]; last: string[] } => {
    const root = parseDocument(`<div id="r">${html}</div>`).getElementById('r')!;
    const sources: LineSources = { first: [], last: [] };
    const text = blockText(root, { sources, readScript: (s) => /"(.*)"/.exec(s)?.[1]?.replace(/\\n/g, '\n') ?? null });
    const name = (n: Node): string => (n.nodeType === 3 ? (n as Text).data : `<${(n as Element).localName}>`);
    return { text, first: sources.first.map(name), last: sources.last.map(name) };
  };
  const cases: Array<[string, string, string[], string[]]> = [
    ['one text node per paragraph', '<p>一</p><p>二</p>', ['一', '二'], ['一', '二']],
    ['inline runs: first and last node', '<p><span>价格</span><b>￥99</b>起</p>', ['价格'], ['起']],
    ['blank paragraphs and br lines leave no line behind', '<p> </p><p>甲<br><br>乙</p><p>\u200b</p>', ['甲', '乙'], ['甲', '乙']],
    ['pre splits one node into lines', '<pre>x\ny</pre>', ['x\ny', 'x\ny'], ['x\ny', 'x\ny']],
    ['table cells make one line', '<table><tr><td>甲</td><td>乙</td></tr></table>', ['甲'], ['乙']],
    ['a line a script wrote comes from the script', '<p><script>document.write("一\\n二")</script></p><p>三</p>', ['<script>', '<script>', '三'], ['<script>', '<script>', '三']],
    ['indentation between blocks is no line', '<section>\n  <p>一</p>\n  <p>二</p>\n</section>', ['一', '二'], ['一', '二']],
  ];
  test.each(cases)('%s', (_name, html, first, last) => {
    const r = walk(html);
    expect(r.first).toEqual(first);
    expect(r.last).toEqual(last);
    expect(r.first).toHaveLength(r.text.split('\n').length);
  });

  test('text only, without sources, is the same text', () => {
    const root = parseDocument('<div id="r"><p>一<br>二</p><pre>x\ny</pre></div>').getElementById('r')!;
    expect(blockText(root, { sources: { first: [], last: [] } })).toBe(blockText(root));
  });
});

describe('segmentNodes: the paragraphs of a pitch segment', () => {
  test('the course footer of a service article: its own paragraphs, and the QR code after them', () => {
    const file = 'article_2025_reprint-share-with-course-footer_xuanyuan_service.html';
    const r = extractArticle(loadFixture(file), URL);
    if (!r.ok || !r.lines) throw new Error('no lines');
    const lines = r.article.body.split('\n');
    const course = lines.findIndex((l) => l.startsWith('最后日常推荐一下我的知识星球'));
    expect(course).toBeGreaterThan(40);
    const nodes = segmentNodes(r.lines, course, lines.length - 1);
    expect(nodes.paragraphs.map((p) => squash(p.textContent ?? ''))).toEqual(lines.slice(course).map(squash));
    // What a collapse hides holds the footer and nothing of the article before it.
    const hidden = nodes.blocks.map((b) => b.textContent ?? '').join('');
    expect(squash(hidden)).toBe(squash(lines.slice(course).join('')));
    expect(nodes.blocks.length).toBeGreaterThan(nodes.paragraphs.length);
    for (const b of nodes.blocks) expect(b.contains(r.lines.first[course - 1]!)).toBe(false);
  });

  test('every segment the classifier finds on a product list maps to its own paragraphs', () => {
    const r = extractArticle(loadFixture('article_2018_clothing-product-list_huanxi-xiangce_promotional.unescaped.derived.html'), URL);
    if (!r.ok || !r.lines) throw new Error('no lines');
    const verdict = classify({ title: r.article.title, body: r.article.body, cues: r.article.cues });
    expect(verdict.segments.length).toBeGreaterThan(0);
    const lines = r.article.body.split('\n');
    for (const s of verdict.segments) {
      const nodes = segmentNodes(r.lines, s.start, s.end);
      const text = squash(nodes.paragraphs.map((p) => p.textContent ?? '').join(''));
      expect(text).toBe(squash(lines.slice(s.start, s.end + 1).join('')));
      expect(nodes.blocks.length).toBeGreaterThan(0);
    }
  });

  test('lines that share their block with other text have no paragraph of their own and nothing to hide', () => {
    const doc = renderedTextShare('share-text_2023_type10-618-course-sale_jinbang-shidai_promotional.html');
    const r = extractArticle(doc, URL);
    if (!r.ok || !r.lines) throw new Error('no lines');
    expect(segmentNodes(r.lines, 4, 8)).toEqual({ paragraphs: [], blocks: [] });
    // The whole message is its own block, but never the root it was read from.
    expect(segmentNodes(r.lines, 0, r.lines.first.length - 1).blocks).toEqual([]);
  });

  const dom = (html: string): BodyLines => {
    const root = parseDocument(`<div id="r">${html}</div>`).getElementById('r')!;
    const sources: LineSources = { first: [], last: [] };
    blockText(root, { sources });
    return { root, ...sources };
  };
  const tags = (els: Element[]): string[] => els.map((e) => `${e.localName}${e.id ? '#' + e.id : ''}`);

  test('an image between two paragraphs of a segment is hidden with them; one after a middle segment is not', () => {
    const lines = dom('<p>一</p><p id="a">二</p><img id="i"><p id="b">三</p><img id="j"><p>四</p>');
    const nodes = segmentNodes(lines, 1, 2);
    expect(tags(nodes.paragraphs)).toEqual(['p#a', 'p#b']);
    expect(tags(nodes.blocks)).toEqual(['p#a', 'img#i', 'p#b']);
  });

  test('a wrapper holding only the segment is hidden whole; one holding more is not', () => {
    const lines = dom('<section id="s"><p>一</p><section id="w"><p id="a">二</p><p id="b">三</p></section></section><p>四</p>');
    expect(tags(segmentNodes(lines, 1, 2).blocks)).toEqual(['section#w']);
    expect(tags(segmentNodes(lines, 1, 1).blocks)).toEqual(['p#a']);
    expect(tags(segmentNodes(lines, 0, 3).blocks)).toEqual(['section#s', 'p']);
  });

  test('out-of-range and empty ranges give nothing', () => {
    const lines = dom('<p>一</p><p>二</p>');
    expect(segmentNodes(lines, 5, 9)).toEqual({ paragraphs: [], blocks: [] });
    expect(segmentNodes(lines, 1, 0)).toEqual({ paragraphs: [], blocks: [] });
    expect(tags(segmentNodes(lines, -3, 0).paragraphs)).toEqual(['p']);
  });

  test('paragraphOf: the nearest block, or the root for text directly in it', () => {
    const lines = dom('<p><span><b>x</b></span></p>y');
    expect(paragraphOf(lines.first[0]!, lines.root).localName).toBe('p');
    expect(paragraphOf(lines.first[1]!, lines.root)).toBe(lines.root);
  });
});
