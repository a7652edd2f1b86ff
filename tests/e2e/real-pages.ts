// The real WeChat pages both browsers' recording suites read, each served at /s/<slug>, and what
// Node-side extraction says each article page holds: a browser must record the same.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/extract';
import { loadFixture } from '../helpers/dom';
import { FIXTURES } from './harness';

const all = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
// JSON-escaped files are a saver's artifact no browser shows; their derived copy stands in.
export const articleFiles = all.filter((f) => /^(article|share)-?/.test(f) && !f.includes('json-escaped'));
export const errorFiles = all.filter((f) => f.startsWith('error_') && !f.includes('json-escaped'));
export const slug = (f: string) => `/s/${f.replace(/\.html$/, '').replace(/[^\w-]/g, '_')}`;

export const expected = articleFiles.map((file) => {
  const r = extractArticle(loadFixture(file), `https://mp.weixin.qq.com${slug(file)}`);
  if (!r.ok) throw new Error(`${file} should be an article: ${r.message}`);
  return { file, path: slug(file), key: r.article.key, accountId: r.article.accountId, name: r.article.accountName, title: r.article.title };
});

/** The other URL form of two articles that carry __biz/mid/idx: `/s?__biz=&mid=&idx=&sn=`. */
export const longForms = expected
  .filter((e) => e.key.split(':').length === 3)
  .slice(0, 2)
  .map((e) => {
    const [biz, mid, idx] = e.key.split(':') as [string, string, string];
    return { ...e, path: `/s?__biz=${encodeURIComponent(biz)}&mid=${mid}&idx=${idx}&sn=0123456789abcdef#rd` };
  });

/** Path → file for every page above (fileRoutes serves them on mp.weixin.qq.com). */
export const pages: Record<string, string> = {};
for (const f of [...articleFiles, ...errorFiles]) pages[slug(f)] = join(FIXTURES, f);
for (const l of longForms) pages[l.path.replace(/#.*$/, '')] = join(FIXTURES, l.file);
