// The cue lists as the fast matchers need them: phrases written folded and unique, patterns that
// can run as one combined expression, and that combined scan finding what each cue's own
// expression finds on the real training texts.
import { describe, expect, test } from 'vitest';
import { CUES } from '../../src/core/classify/cues/index';
import { foldPhrase } from '../../src/core/classify/lexicon';
import { normalizeText } from '../../src/core/classify/normalize';
import { buildPatterns, capturesGroups } from '../../src/core/classify/patterns';
import { loadSms, loadWechat } from '../../scripts/lib/data';

describe('cue lists', () => {
  test.each(CUES.map((c) => [c.id, c]))('%s: phrases are folded and unique, patterns combine', (_id, c) => {
    for (const list of [c.phrases, c.except ?? []]) {
      for (const p of list) expect(foldPhrase(p), p).toBe(p);
      expect(new Set(list).size).toBe(list.length);
    }
    for (const p of c.patterns ?? []) {
      expect(capturesGroups(p.source), p.source).toBe(false);
      expect(p.flags.replace(/[gm]/g, ''), p.source).toBe('');
      // ^ and $ mean "line" in the combined expression: only patterns written for lines use them.
      if (/(^|[^\\[])[\^$]/.test(p.source.replace(/\[[^\]]*\]/g, ''))) expect(p.flags, p.source).toContain('m');
    }
  });

  test('capturesGroups tells capturing groups from the others', () => {
    expect(capturesGroups('(a)')).toBe(true);
    expect(capturesGroups('(?<x>a)')).toBe(true);
    expect(capturesGroups('(?:a)(?<!b)(?<=c)(?=d)(?!e)\\(f[(]')).toBe(false);
  });
});

describe('the combined pattern scan', () => {
  test('finds on real texts exactly what each pattern finds on its own', () => {
    const lists = CUES.map((c) => c.patterns ?? []);
    const combined = buildPatterns(lists);
    const rows = [...loadWechat().filter((r) => r.split === 'train'), ...loadSms().filter((r) => r.split === 'train')];
    let total = 0;
    for (const r of rows) {
      for (const text of [normalizeText(r.title).text, normalizeText(r.text).text]) {
        const want: string[] = [];
        lists.forEach((list, owner) => {
          for (const p of list) {
            const rx = new RegExp(p.source, p.flags + 'g');
            for (const m of text.matchAll(rx)) want.push(`${owner}:${m.index}:${m.index + m[0].length}`);
          }
        });
        const got: string[] = [];
        combined.scan(text, (owner, start, end) => got.push(`${owner}:${start}:${end}`));
        expect(got.sort()).toEqual(want.sort());
        total += got.length;
      }
    }
    expect(total).toBeGreaterThan(1000);
  });
});
