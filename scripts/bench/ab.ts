// A/B of popup builds in one browser: `tsx scripts/bench/ab.ts [--full] [--runs N] DIR_A DIR_B …`
// loads every test build side by side (each its own extension, own IndexedDB and localStorage), seeds
// each the same way with --full (2,000 accounts / 100,000 articles), then opens the blank page and
// each popup in rotating order, so all see the same machine load; prints medians and ratios.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/harness';
import { median, open, recordFirstFrames, seedPopupData, type Opening, type Target } from './popup';

/** Chromium's id for an unpacked extension: the path's SHA-256, first 32 hex digits mapped to a–p. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const full = args.includes('--full');
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
  const dirs = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1)).map((d) => resolve(d));
  if (dirs.length < 1) throw new Error('usage: ab.ts [--full] [--runs N] DIR_A DIR_B …');
  const profile = mkdtempSync(join(tmpdir(), 'declutter-ab-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${dirs.join(',')}`, `--load-extension=${dirs.join(',')}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await ctx.addInitScript('globalThis.__name ??= (f) => f;');
  try {
    const targets: Target[] = dirs.map((d) => ({ ctx, extId: unpackedId(d) }));
    await recordFirstFrames(ctx);
    for (const t of targets) {
      if (full) await seedPopupData(t);
      // One unmeasured opening each: the popup remembers its snapshot.
      await open(t, 'popup/index.html', '.popup[data-state="ready"]');
    }
    await open(targets[0]!, 'bench/blank.html');
    const blank: Opening[] = [];
    const popups: Opening[][] = targets.map(() => []);
    for (let i = 0; i < runs; i++) {
      // Rotate who goes first, so no variant always follows the same one.
      const order = [-1, ...targets.map((_, k) => k)];
      const shift = i % order.length;
      for (const k of [...order.slice(shift), ...order.slice(0, shift)]) {
        if (k < 0) blank.push(await open(targets[0]!, 'bench/blank.html'));
        else popups[k]!.push(await open(targets[k]!, 'popup/index.html', '.popup[data-state="ready"]'));
      }
    }
    const b = median(blank.map((o) => o.frame));
    console.log(`${full ? '2,000 accounts / 100,000 articles' : 'empty database'}, ${runs} openings each`);
    console.log(`blank page: first frame ${b.toFixed(1)} ms, HTML parsed ${median(blank.map((o) => o.parsed)).toFixed(1)} ms`);
    dirs.forEach((d, k) => {
      const os = popups[k]!;
      const f = median(os.map((o) => o.frame));
      const m = (n: string) => median(os.map((o) => o.marks[`declutter:${n}`] ?? NaN).filter((x) => !Number.isNaN(x))).toFixed(1);
      const paired = median(os.map((o, i) => o.frame / blank[i]!.frame));
      console.log(
        `${String.fromCharCode(65 + k)} ${d}: first frame ${f.toFixed(1)} ms = ${(f / b).toFixed(2)}× (paired ${paired.toFixed(2)}×); parsed ${median(os.map((o) => o.parsed)).toFixed(1)}, script start ${m('popup-script-start')}, modules ${m('popup-modules-evaluated')}, snapshot ${m('popup-snapshot-read')}, rendered ${m('popup-rendered')}`,
      );
    });
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
