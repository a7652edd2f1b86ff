// `npm run bench`: the speed and size figures of the built extension, each next to its goal, printed
// as one table and written to bench.json. Figures, not pass/fail timings: a slow machine reports slower.
//   classify cost (Node), content-script main-thread time on real pages (Chromium), observations
//   recorded per second (Chromium, real IndexedDB), the popup's first frame against a blank extension
//   page, empty and at 2,000 accounts / 100,000 articles (Chromium), gzip size of every bundle.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchClassify } from './bench/classify';
import { alternate, pairRows, seedPopupData } from './bench/popup';
import type { BenchRow } from './bench/types';
import { FIXTURES, RELEASE_DIST, fileRoutes, launch, type Extension } from '../tests/e2e/harness';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function bundleSizes(): BenchRow[] {
  const rows: BenchRow[] = [];
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  const files = walk(RELEASE_DIST).filter((f) => /\.(js|css|html)$/.test(f));
  let total = 0;
  for (const f of files.sort()) {
    const gz = gzipSync(readFileSync(f), { level: 9 }).length;
    total += gz;
    const name = relative(RELEASE_DIST, f);
    const isContent = name.startsWith('content-');
    rows.push({
      metric: `gzip size: ${name}`,
      value: round(gz / 1024, 1),
      unit: 'KB',
      goal: isContent ? '≤ 160 KB (a content script)' : 'small',
      meets: isContent ? gz <= 160 * 1024 : null,
    });
  }
  rows.push({ metric: 'gzip size: whole extension (js, css, html)', value: round(total / 1024, 1), unit: 'KB', goal: 'small', meets: null });
  return rows;
}

const PAGES = [
  'article_2018_platform-announcement_weixinpai_service.html',
  'article_2025_weekly-original-with-source-url_ruanyifeng_service.html',
  'share-text_2025_type10-training-camp-signup_xuanyuan_promotional.html',
];

/**
 * The content script runs in five idle-time tasks (extract, read, classify, ui, mark), each measured as
 * `declutter:<step>` on the page's timeline: their sum is what it costs the page's main thread. The
 * classifier's first call in the page is its two tasks together (read the text, weigh it).
 */
async function contentScriptTime(ext: Extension, loads = 7): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const page = await ext.page();
  for (const file of PAGES) {
    const totals: number[] = [];
    const longest: number[] = [];
    const perStep: number[][] = [[], [], [], [], []];
    const classifier: number[] = [];
    for (let i = 0; i < loads; i++) {
      await ext.visit(page, `http://mp.weixin.qq.com/s/${file}`);
      const steps = await page.evaluate(() => ['extract', 'read', 'classify', 'ui', 'mark'].map((n) => performance.getEntriesByName(`declutter:${n}`, 'measure')[0]?.duration ?? -1));
      if (steps.some((d) => d < 0)) continue;
      totals.push(steps.reduce((a, b) => a + b, 0));
      longest.push(Math.max(...steps));
      steps.forEach((d, k) => perStep[k]!.push(d));
      classifier.push(steps[1]! + steps[2]!);
    }
    const size = statSync(join(FIXTURES, file)).size;
    const name = `${file.split('_').slice(0, 3).join('_')} (${round(size / 1e6, 1)} MB page)`;
    rows.push({
      metric: `content script main thread, total: ${name}`,
      value: round(median(totals), 2),
      unit: 'ms (median)',
      goal: '≤ 12 ms',
      meets: totals.length ? median(totals) <= 12 : false,
    });
    rows.push({
      metric: `  its longest single task (idle time)`,
      value: round(median(longest), 2),
      unit: 'ms (median)',
      goal: '≤ 6 ms',
      meets: longest.length ? median(longest) <= 6 : false,
    });
    rows.push({
      metric: '    classifier, its first call in the page (read + classify)',
      value: round(median(classifier), 2),
      unit: 'ms (median)',
      goal: '≤ 6 ms',
      meets: classifier.length ? median(classifier) <= 6 : false,
    });
    (['extract', 'read the text (classifier, first half)', 'classify (classifier, second half)', 'draw the badge', 'mark pitch segments'] as const).forEach((step, k) => {
      rows.push({ metric: `    step: ${step}`, value: round(median(perStep[k]!), 2), unit: 'ms (median)', goal: '(part of the total)', meets: null });
    });
  }
  await page.close();
  return rows;
}

/** Observations sent by an extension page as fast as the worker takes them, all distinct articles. */
async function observationsPerSecond(ext: Extension, n = 1000): Promise<BenchRow> {
  const page = await ext.popup();
  const perSecond = await page.evaluate(async (count) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    const obs = (i: number) => ({
      type: 'article/observed',
      observation: {
        key: `MzBench${i % 40}:${100000 + i}:1`, accountId: `MzBench${i % 40}`, accountName: `测速账号${i % 40}`, accountUsername: null,
        title: `测速文章 ${i}`, url: `http://mp.weixin.qq.com/s/bench${i}`, kind: 'article', publishedAt: null,
        verdict: { label: i % 3 ? 'service' : 'promotional', promoScore: 0.5, reasons: [{ cue: 'price', words: ['¥99'], weight: 1 }], segments: [], paragraphs: 0 },
      },
    });
    const start = performance.now();
    // Eight tabs' worth of concurrency: the worker serialises writes in IndexedDB transactions.
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const r = (await runtime.sendMessage(obs(next++))) as { ok: boolean };
        if (!r.ok) throw new Error('observation refused');
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return count / ((performance.now() - start) / 1000);
  }, n);
  await page.close();
  return { metric: `observations recorded per second (${n}, 8 at a time, real IndexedDB)`, value: round(perSecond, 0), unit: '/s', goal: 'far above reading speed (≥ 100/s)', meets: perSecond >= 100 };
}

/** The popup against a blank extension page, opened in alternation: with an empty database, and at 2,000 / 100,000. */
async function popupAgainstBlank(ext: Extension, stage: 'empty' | 'full', runs = 15): Promise<BenchRow[]> {
  if (stage === 'empty') {
    const run = await alternate(ext, runs, '.popup[data-state="ready"]');
    return pairRows('empty database', run, 1.1);
  }
  await seedPopupData(ext);
  const run = await alternate(ext, runs, '.popup[data-state="ready"]');
  if (run.popup.some((o) => !o.marks['declutter:popup-first-rows'])) throw new Error('popup rendered no account rows');
  return pairRows('2,000 accounts / 100,000 articles', run, 1.25);
}

function print(rows: BenchRow[]): void {
  const w = Math.max(...rows.map((r) => r.metric.length));
  console.log(`${'metric'.padEnd(w)}  ${'value'.padStart(10)}  ${'unit'.padEnd(12)}  ${'goal'.padEnd(44)}  meets`);
  for (const r of rows) {
    console.log(`${r.metric.padEnd(w)}  ${String(r.value).padStart(10)}  ${r.unit.padEnd(12)}  ${r.goal.padEnd(44)}  ${r.meets === null ? '–' : r.meets ? 'yes' : 'NO'}`);
  }
}

async function main(): Promise<void> {
  // `--popup`: only the popup against the blank page (a quicker loop while working on the popup).
  const popupOnly = process.argv.includes('--popup');
  // `--content`: only the content script's main-thread time on the real pages.
  const contentOnly = process.argv.includes('--content');
  const rows: BenchRow[] = [];
  if (!popupOnly && !contentOnly) rows.push(...(await benchClassify()));
  if (!contentOnly) rows.push(...bundleSizes());
  const pages: Record<string, string> = {};
  for (const f of PAGES) pages[`/s/${f}`] = join(FIXTURES, f);
  const ext = await launch({ route: fileRoutes(pages) });
  try {
    // The empty database first: the other steps below write into it.
    if (!contentOnly) rows.push(...(await popupAgainstBlank(ext, 'empty')));
    if (!popupOnly) rows.push(...(await contentScriptTime(ext)));
    if (!popupOnly && !contentOnly) rows.push(await observationsPerSecond(ext));
    if (!contentOnly) rows.push(...(await popupAgainstBlank(ext, 'full')));
  } finally {
    await ext.close();
  }
  print(rows);
  const out = resolve(import.meta.dirname, '../bench.json');
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
  console.log(`\nwritten ${relative(process.cwd(), out)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
