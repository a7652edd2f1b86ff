// Invariant: our body for a page has the shape of the corpus `text` of the same article (the 11 saved
// corpus pages of other years and layouts, and the 17 fixture pages that are corpus rows too).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../src/extract';
import { CORPUS_DIR, loadCorpusPage, loadFixture } from '../helpers/dom';

interface CorpusRow {
  id: string;
  account: string;
  title: string;
  text: string;
}

const corpus = new Map<string, CorpusRow>();
for (const line of readFileSync(resolve(CORPUS_DIR, 'articles.jsonl'), 'utf8').split('\n')) {
  if (!line) continue;
  const row = JSON.parse(line) as CorpusRow;
  corpus.set(row.id, row);
}

const SAVED_PAGES = readFileSync(resolve(CORPUS_DIR, 'pages/INDEX.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[1])
  .filter((id): id is string => Boolean(id));

/** Fixture pages that LABELING.md lists as the same articles as corpus rows. */
const FIXTURE_ROWS: Record<string, string> = {
  'exporter-article-02': 'article_2025_reprint-share-with-course-footer_xuanyuan_service.html',
  'exporter-image-04': 'share-image_2025_type8-paid-booklet-launch_shenguang_promotional.html',
  'exporter-image-c01': 'share-image_2026_type8-news-new-cgidata_36kr_service.html',
  'exporter-normal-02': 'article_2025_weekly-original-with-source-url_ruanyifeng_service.html',
  'exporter-normal-c01': 'article_2025_math-tip-then-course-sale_jinbang-shidai_promotional.html',
  'exporter-normal-c02': 'article_2026_paid-article-novel-recs_xiaoshuo-shiyi_service.html',
  'exporter-text-c03': 'share-text_2023_type10-618-course-sale_jinbang-shidai_promotional.html',
  'exporter-text-c04': 'share-text_2025_type10-training-camp-signup_xuanyuan_promotional.html',
  'magichtml-suide': 'article_2022_local-gov-news_zhangshang-suide_service.html',
  'wechatsogou-background-image': 'article_2018_news-digest-wxid-username_huashangbao_service.html',
  'wechatsogou-mpvoice': 'article_2018_mpvoice-vote-morning-news_changjiang-ribao_service.html',
  'wechatsogou-qqmusic': 'article_2018_qqmusic-original_xianyunyehe-guci_service.html',
  'weextract-20181021-issue': 'article_2018_celebrity-face-analysis-soft-marketing_xinyang-soyoung_promotional-borderline.html',
  'weextract-break': 'article_2018_clothing-product-list_huanxi-xiangce_promotional.unescaped.derived.html',
  'weextract-mp-link': 'article_2020_bank-exec-changes_qingjinrong_service.html',
  'weextract-post': 'article_2018_platform-announcement_weixinpai_service.html',
  'weixinsogou-article-detail': 'article_2021_tech-news-with-album-tags_haojiyou_service.html',
};

/** Share of the corpus text's lines that appear verbatim inside our body. */
function lineCoverage(corpusText: string, body: string): number {
  const lines = corpusText.split('\n');
  return lines.filter((line) => body.includes(line)).length / lines.length;
}

function check(id: string, doc: Document): void {
  const row = corpus.get(id);
  if (!row) throw new Error(`no corpus row ${id}`);
  const result = extractArticle(doc, 'https://mp.weixin.qq.com/s/AbCdEfGhIjKl');
  if (!result.ok) throw new Error(`${id}: ${result.reason} ${result.message}`);
  expect(result.article.accountName).toBe(row.account);
  expect(result.article.title).toBe(row.title);
  expect(lineCoverage(row.text, result.article.body)).toBeGreaterThanOrEqual(0.95);
  // Same length give or take a few edge lines: nothing big was added (ads, chrome) or lost.
  expect(result.article.body.length).toBeGreaterThan(row.text.length * 0.9);
  expect(result.article.body.length).toBeLessThan(row.text.length * 1.1 + 20);
}

describe('extracted bodies match the corpus texts', () => {
  test('the saved pages are the 11 listed in INDEX.tsv', () => {
    expect(SAVED_PAGES).toHaveLength(11);
  });

  test.each(SAVED_PAGES)('saved page %s', (id) => {
    check(id, loadCorpusPage(id));
  });

  test.each(Object.entries(FIXTURE_ROWS))('fixture row %s', (id, file) => {
    check(id, loadFixture(file));
  });
});
