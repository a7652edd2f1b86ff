// The classify CLI as a reader of its output uses it: one JSON line per article with its pitch
// segments as inclusive ranges of the input's paragraph indices; bad input is reported, not fatal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SHARED_DIR } from '../../scripts/shared-dir';
import { row } from './real-data';

const ROOT = resolve(import.meta.dirname, '../..');

function run(...files: string[]): { lines: Record<string, unknown>[]; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/classify.ts'), ...files], { encoding: 'utf8' });
  return { lines: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), stderr: r.stderr, status: r.status };
}

describe('npm run classify', () => {
  test('a .jsonl row: label, score, reasons and segments as [start, end] paragraph ranges of its text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'declutter-cli-'));
    const promo = row('wechat:lazy13-010');
    const file = join(dir, 'rows.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: promo.id, title: promo.title, text: promo.text })}\nnot json\n`);
    const { lines, stderr, status } = run(file);
    expect(status).toBe(1);
    expect(stderr).toContain('rows.jsonl:2: not valid JSON');
    expect(lines).toHaveLength(1);
    const out = lines[0]!;
    expect(out['id']).toBe(promo.id);
    expect(out['label']).toBe('promotional');
    const segments = out['segments'] as [number, number][];
    const paragraphs = promo.text.split('\n').length;
    expect(segments.length).toBeGreaterThan(0);
    let last = -1;
    for (const [start, end] of segments) {
      expect(start).toBeGreaterThan(last);
      expect(end).toBeGreaterThanOrEqual(start);
      expect(end).toBeLessThan(paragraphs);
      last = end;
    }
  });

  test('a saved page: segments index the extractor paragraphs; a service page with a course footer keeps its verdict and gets the footer', () => {
    const page = resolve(SHARED_DIR, 'fixtures/wechat/real/article_2025_reprint-share-with-course-footer_xuanyuan_service.html');
    const { lines, status } = run(page);
    expect(status).toBe(0);
    const out = lines[0]!;
    expect(out['label']).toBe('service');
    const segments = out['segments'] as [number, number][];
    expect(segments.length).toBeGreaterThan(0);
  });
});
