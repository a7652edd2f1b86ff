// Where the read-only real data lives: `../shared` beside the checkout (fixtures, corpora). Tests and
// the training/eval scripts read it; the built extension and the demo never do.
// DECLUTTER_SHARED overrides it, for a checkout cloned somewhere else (e.g. a CI clone in /tmp).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..');

function findShared(): string {
  const fromEnv = process.env['DECLUTTER_SHARED'];
  if (fromEnv) return resolve(fromEnv);
  const beside = resolve(REPO_ROOT, '../shared');
  if (existsSync(beside)) return beside;
  // The workplace keeps it at /work/shared; a clone elsewhere still finds it there.
  return existsSync('/work/shared') ? '/work/shared' : beside;
}

export const SHARED_DIR = findShared();
