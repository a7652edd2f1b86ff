// Finding the shared data folder: DECLUTTER_SHARED, else ../shared beside the checkout; no
// machine-specific fallback, and a clear error naming both places when neither exists.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { locateShared } from '../../scripts/shared-path';

const ROOT = '/somewhere/checkout';
const only = (...dirs: string[]) => (p: string) => dirs.includes(p);

describe('locateShared', () => {
  test('../shared beside the checkout', () => {
    expect(locateShared({}, ROOT, only('/somewhere/shared'))).toEqual({ dir: '/somewhere/shared', error: null });
  });

  test('DECLUTTER_SHARED wins over ../shared', () => {
    expect(locateShared({ DECLUTTER_SHARED: '/data/x' }, ROOT, only('/data/x', '/somewhere/shared'))).toEqual({ dir: '/data/x', error: null });
  });

  test('neither: the error names both places', () => {
    const { error } = locateShared({}, ROOT, only('/work/shared'));
    expect(error).toContain('/somewhere/shared');
    expect(error).toContain('DECLUTTER_SHARED');
  });

  test('DECLUTTER_SHARED pointing nowhere is an error, not a silent fallback', () => {
    const { error } = locateShared({ DECLUTTER_SHARED: '/data/missing' }, ROOT, only('/somewhere/shared'));
    expect(error).toContain('/data/missing');
  });

  test('no machine-specific absolute path is left in the lookup', () => {
    for (const f of ['scripts/shared-path.ts', 'scripts/shared-dir.ts']) {
      expect(readFileSync(resolve(import.meta.dirname, '../..', f), 'utf8')).not.toContain('/work/');
    }
  });
});
