// Export and merge-import of the IndexedDB part of the data (prefs are merged by the caller).
// An import runs in one transaction: if any record fails, nothing of it is written.
import type { ExportFile } from '../core/transfer';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../core/transfer';
import type { Prefs } from '../core/prefs';
import { countArticle, effectiveLabel, hasPitch, recountPitch, retallyArticle, talliedAs } from '../core/tally';
import { db } from './db';

export async function exportData(prefs: Prefs, now = Date.now()): Promise<ExportFile> {
  const d = await db();
  const tx = d.transaction(['articles', 'accounts']);
  const [accounts, articles] = await Promise.all([tx.objectStore('accounts').getAll(), tx.objectStore('articles').getAll()]);
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, accounts, articles, prefs };
}

export interface ImportCounts {
  accountsAdded: number;
  articlesAdded: number;
  correctionsAdded: number;
}

/**
 * Merges an export into the store. New accounts come with their tallies as exported (the pitch count
 * recounted from the file's articles, as files before it existed lack it); articles new to an account
 * already here are counted into it; the reader's corrections fill in where none exists.
 */
export async function importData(file: ExportFile): Promise<ImportCounts> {
  const d = await db();
  const tx = d.transaction(['articles', 'accounts'], 'readwrite');
  const articles = tx.objectStore('articles');
  const accounts = tx.objectStore('accounts');
  const counts: ImportCounts = { accountsAdded: 0, articlesAdded: 0, correctionsAdded: 0 };
  const byAccount = new Map<string, ExportFile['articles']>();
  for (const a of file.articles) byAccount.set(a.accountId, [...(byAccount.get(a.accountId) ?? []), a]);
  for (const imported of file.accounts) {
    const local = await accounts.get(imported.id);
    const account = local ?? { ...imported };
    if (!local) counts.accountsAdded++;
    for (const art of byAccount.get(imported.id) ?? []) {
      const mine = await articles.get(art.key);
      if (!mine) {
        await articles.put(art);
        counts.articlesAdded++;
        // A new account's exported tallies already count its articles.
        if (local) countArticle(account, art.key, effectiveLabel(art), art.firstSeenAt, hasPitch(art));
      } else if (mine.userLabel === null && art.userLabel !== null) {
        const before = talliedAs(mine);
        mine.userLabel = art.userLabel;
        retallyArticle(account, mine.key, before, talliedAs(mine), mine.firstSeenAt);
        await articles.put(mine);
        counts.correctionsAdded++;
      }
    }
    if (!local) recountPitch(account, byAccount.get(imported.id) ?? []);
    if (local && !local.name) account.name = imported.name;
    await accounts.put(account);
  }
  await tx.done;
  return counts;
}
