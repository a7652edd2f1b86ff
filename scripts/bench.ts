// `npm run bench`: the speed and size figures of the built extension, each next to its goal, printed
// as one table and written to bench.json. Figures, not pass/fail timings: a slow machine reports slower.
//   classify cost (Node), content-script main-thread time on real pages (Chromium), observations
//   recorded per second (Chromium, real IndexedDB), popup first render at 2,000 accounts / 100,000
//   articles (Chromium), gzip size of every bundle.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchClassify } from './bench/classify';
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
      goal: isContent ? '≤ 100 KB (a content script)' : 'small',
      meets: isContent ? gz <= 100 * 1024 : null,
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
 * The content script runs in four idle-time tasks (extract, classify, ui, mark), each measured as
 * `declutter:<step>` on the page's timeline: their sum is what it costs the page's main thread.
 */
async function contentScriptTime(ext: Extension, loads = 7): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const page = await ext.page();
  for (const file of PAGES) {
    const totals: number[] = [];
    const longest: number[] = [];
    const perStep: number[][] = [[], [], [], []];
    for (let i = 0; i < loads; i++) {
      await ext.visit(page, `http://mp.weixin.qq.com/s/${file}`);
      const steps = await page.evaluate(() => ['extract', 'classify', 'ui', 'mark'].map((n) => performance.getEntriesByName(`declutter:${n}`, 'measure')[0]?.duration ?? -1));
      if (steps.some((d) => d < 0)) continue;
      totals.push(steps.reduce((a, b) => a + b, 0));
      longest.push(Math.max(...steps));
      steps.forEach((d, k) => perStep[k]!.push(d));
    }
    const size = statSync(join(FIXTURES, file)).size;
    const name = `${file.split('_').slice(0, 3).join('_')} (${round(size / 1e6, 1)} MB page)`;
    rows.push({
      metric: `content script main thread, total: ${name}`,
      value: round(median(totals), 2),
      unit: 'ms (median)',
      goal: 'keep the page’s main thread free (≤ 16 ms, one frame)',
      meets: totals.length ? median(totals) <= 16 : false,
    });
    rows.push({
      metric: `  its longest single task (idle time)`,
      value: round(median(longest), 2),
      unit: 'ms (median)',
      goal: 'no long task (< 50 ms)',
      meets: longest.length ? median(longest) < 50 : false,
    });
    (['extract', 'classify (its first call in the page)', 'draw the badge', 'mark pitch segments'] as const).forEach((step, k) => {
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

/** Seeds 2,000 accounts and 100,000 articles straight into IndexedDB, then times the popup's first rows. */
async function popupFirstRender(ext: Extension, runs = 15): Promise<BenchRow[]> {
  const seed = await ext.popup();
  await seed.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('declutter');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const WEEK = 7 * 86_400_000;
    const now = Date.now();
    const weekOf = (at: number) => { const day = Math.floor((at + 8 * 3_600_000) / 86_400_000); return day - ((day + 3) % 7); };
    for (let batch = 0; batch < 20; batch++) {
      await new Promise<void>((res, rej) => {
        const tx = db.transaction(['articles', 'accounts'], 'readwrite');
        for (let a = batch * 100; a < (batch + 1) * 100; a++) {
          const id = `MzSeed${a}`;
          const promoEvery = (a % 7) + 1;
          const weeks: Record<string, { n: number; promo: number }> = {};
          const recent: Array<{ key: string; promo: boolean; at: number }> = [];
          let promo = 0;
          for (let i = 0; i < 50; i++) {
            const at = now - (i % 8) * WEEK - i * 3_600_000;
            const isPromo = i % promoEvery === 0;
            const key = `${id}:${i}:1`;
            tx.objectStore('articles').put({
              key, accountId: id, title: `第 ${i} 篇：账号 ${a} 的文章标题`, url: `http://mp.weixin.qq.com/s/${a}_${i}`, kind: 'article', publishedAt: at,
              firstSeenAt: at, lastSeenAt: at, visits: 1, model: { label: isPromo ? 'promotional' : 'service', promoScore: isPromo ? 0.9 : 0.1, reasons: [], segments: [], paragraphs: 0 }, userLabel: null,
            });
            const w = String(weekOf(at));
            weeks[w] ??= { n: 0, promo: 0 };
            weeks[w].n++;
            if (isPromo) { weeks[w].promo++; promo++; }
            if (i < 24) recent.push({ key, promo: isPromo, at });
          }
          tx.objectStore('accounts').put({ id, name: `测试账号${a}`, username: null, articles: 50, promo, firstSeenAt: now - 8 * WEEK, lastSeenAt: now, weeks, recent: recent.sort((x, y) => x.at - y.at) });
        }
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
    }
    db.close();
  });
  await seed.close();
  const times: number[] = [];
  const own: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await ext.ctx.newPage();
    await page.goto(`chrome-extension://${ext.extId}/popup/index.html`, { waitUntil: 'commit' });
    const t = await page.evaluate(
      () => new Promise<{ rows: number; parsed: number; ready: number }>((res) => {
        let rows = 0;
        const check = () => {
          rows ||= document.querySelector('[data-testid="account-row"]') ? performance.now() : 0;
          if (rows && document.querySelector('.popup[data-state="ready"]')) {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            res({ rows, parsed: nav.domInteractive, ready: performance.now() });
          } else requestAnimationFrame(check);
        };
        check();
      }),
    );
    const rows = await page.$$eval('[data-testid="account-row"]', (els) => els.length);
    if (rows === 0) throw new Error('popup rendered no account rows');
    times.push(t.rows);
    own.push(t.rows - t.parsed);
    fresh.push(t.ready);
    await page.close();
  }
  const m = median(times);
  return [
    { metric: 'popup first render, 2,000 accounts / 100,000 articles (navigation → first rows)', value: round(m, 1), unit: 'ms (median)', goal: '≤ 100 ms', meets: m <= 100 },
    { metric: '  of which the popup’s own scripts (HTML parsed → first rows)', value: round(median(own), 1), unit: 'ms (median)', goal: '(part of the above)', meets: null },
    { metric: '  fresh tallies read from IndexedDB and shown (navigation → ready)', value: round(median(fresh), 1), unit: 'ms (median)', goal: 'none set', meets: null },
  ];
}

function print(rows: BenchRow[]): void {
  const w = Math.max(...rows.map((r) => r.metric.length));
  console.log(`${'metric'.padEnd(w)}  ${'value'.padStart(10)}  ${'unit'.padEnd(12)}  ${'goal'.padEnd(44)}  meets`);
  for (const r of rows) {
    console.log(`${r.metric.padEnd(w)}  ${String(r.value).padStart(10)}  ${r.unit.padEnd(12)}  ${r.goal.padEnd(44)}  ${r.meets === null ? '–' : r.meets ? 'yes' : 'NO'}`);
  }
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  rows.push(...(await benchClassify()));
  rows.push(...bundleSizes());
  const pages: Record<string, string> = {};
  for (const f of PAGES) pages[`/s/${f}`] = join(FIXTURES, f);
  const ext = await launch({ route: fileRoutes(pages) });
  try {
    rows.push(...(await contentScriptTime(ext)));
    rows.push(await observationsPerSecond(ext));
    rows.push(...(await popupFirstRender(ext)));
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
