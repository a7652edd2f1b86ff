// Where the read-only real data (fixtures, corpora) should be: DECLUTTER_SHARED when set, else
// `../shared` beside the checkout. Pure and never throws, so code that only may need the data (the
// e2e harness, which the demo also uses) can import it; `shared-dir.ts` is the strict form.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..');

export interface SharedLocation {
  /** The folder to read (it exists when `error` is null). */
  dir: string;
  /** Why there is none, naming both places looked at; null when found. */
  error: string | null;
}

export function locateShared(env: Record<string, string | undefined> = process.env, root: string = REPO_ROOT, exists: (p: string) => boolean = existsSync): SharedLocation {
  const beside = resolve(root, '../shared');
  const fromEnv = env['DECLUTTER_SHARED'];
  if (fromEnv) {
    const dir = resolve(fromEnv);
    return exists(dir) ? { dir, error: null } : { dir, error: `DECLUTTER_SHARED points to ${dir}, which does not exist (unset it to use ${beside} beside the checkout).` };
  }
  if (exists(beside)) return { dir: beside, error: null };
  return {
    dir: beside,
    error: `The shared data folder (real WeChat pages and corpora) was not found: neither ${beside} (../shared beside the checkout) exists nor is DECLUTTER_SHARED set to where it is.`,
  };
}
