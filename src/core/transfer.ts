// The export / import file: everything the extension holds, as one JSON document checked by zod on
// the way in. Imports merge (the reader's local choices win a conflict); a bad file changes nothing.
import { Prefs, Settings } from './prefs';
import { AccountRecord, ArticleRecord } from './records';
import { z } from './zod';

export const EXPORT_FORMAT = 'declutter-for-wechat';
export const EXPORT_VERSION = 1;

export const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.int(),
  accounts: z.array(AccountRecord),
  articles: z.array(ArticleRecord),
  prefs: Prefs,
});
export type ExportFile = z.infer<typeof ExportFile>;

export type ParseResult = { ok: true; file: ExportFile } | { ok: false; error: string };

/** Reads an import file's text: says plainly what is wrong with it, never half-accepts it. */
export function parseExportText(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'not-export' };
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > EXPORT_VERSION) return { ok: false, error: 'future-version' };
  const parsed = ExportFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid:${issue ? issue.path.join('.') + ': ' + issue.message : 'unknown'}` };
  }
  const accountIds = new Set(parsed.data.accounts.map((a) => a.id));
  const orphan = parsed.data.articles.find((a) => !accountIds.has(a.accountId));
  if (orphan) return { ok: false, error: `invalid:articles: ${orphan.key} has no account` };
  return { ok: true, file: parsed.data };
}

/** Prefs after an import: imported entries fill in, the local entry wins where both have one. */
export function mergePrefs(local: Prefs, imported: Prefs): Prefs {
  const merged: Prefs = {
    settings: Settings.parse({ ...imported.settings, ...local.settings }),
    mutes: { ...imported.mutes, ...local.mutes },
    pins: { ...imported.pins, ...local.pins },
    dismissed: { ...imported.dismissed, ...local.dismissed },
    unfollowed: { ...imported.unfollowed, ...local.unfollowed },
  };
  return merged;
}

