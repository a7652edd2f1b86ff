// The real WeChat pages both browsers' recording suites read, each served at /s/<slug>, and what
// Node-side extraction says each article page holds: a browser must record the same.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AccountRecord, ArticleRecord } from '../../src/core/records';
import { extractArticle } from '../../src/extract';
import { loadFixture } from '../helpers/dom';
import { eventually, FIXTURES } from './harness';

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

type Store = { articles: ArticleRecord[]; accounts: AccountRecord[] };

/** What both browsers' suites need of their harness here: visit a page, read the store back. */
export interface Recorder<P> {
  visit(page: P, url: string): Promise<void>;
  dump(): Promise<Store>;
}

/**
 * Every expected article stored once under its account, with tallies that agree with the articles
 * they count; no body and none of WeChat's own ad template ever reaches the store.
 */
export function expectRecorded({ articles, accounts }: Store): void {
  expect(articles.map((a) => a.key).sort()).toEqual(expected.map((e) => e.key).sort());
  for (const e of expected) {
    const a = articles.find((x) => x.key === e.key)!;
    expect(a.title).toBe(e.title.slice(0, 2000));
    expect(a.accountId).toBe(e.accountId ?? `name:${e.name.trim()}`);
    expect(accounts.find((x) => x.id === a.accountId)?.name).toBe(e.name.trim());
  }
  for (const acc of accounts) {
    const mine = articles.filter((a) => a.accountId === acc.id);
    expect(acc.articles).toBe(mine.length);
    expect(acc.promo).toBe(mine.filter((a) => (a.userLabel ?? a.model.label) === 'promotional').length);
  }
  const stored = JSON.stringify({ articles, accounts });
  expect(stored).not.toContain('defaultMidAdData');
  expect(articles.every((a) => !('body' in a))).toBe(true);
}

/** A revisit, and two articles under their other URL form, leave every count as it was. */
export async function expectRevisitsCountOnce<P>(ext: Recorder<P>, page: P): Promise<void> {
  const before = await ext.dump();
  const revisit = expected.find((e) => !longForms.some((l) => l.key === e.key))!;
  await ext.visit(page, `http://mp.weixin.qq.com${revisit.path}`);
  for (const l of longForms) await ext.visit(page, `http://mp.weixin.qq.com${l.path}`);
  const after = await eventually(ext.dump, (d) => d.articles.filter((a) => a.visits > 1).length >= 3);
  expect(after.articles).toHaveLength(before.articles.length);
  expect(after.accounts.map((a) => [a.id, a.articles, a.promo])).toEqual(before.accounts.map((a) => [a.id, a.articles, a.promo]));
  for (const k of [revisit.key, ...longForms.map((l) => l.key)]) {
    expect(after.articles.find((a) => a.key === k)?.visits).toBe(2);
  }
}

