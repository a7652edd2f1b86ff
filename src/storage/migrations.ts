// Every version the database has had and the step that reaches it from the one before. The opener
// (db.ts) runs the pending steps in order; each data migration lives in its own module.
import { migrateV1toV2 } from './migrate-v2';
import { migrateV2toV3 } from './migrate-v3';
import type { Migration } from './schema';

/**
 * Version 1 (the first release): `articles` {key, accountId, title, url, label, promoScore, seenAt}
 * and `accounts` {id, name, articles, promo}. Version 2 adds per-week tallies, recent labels,
 * reasons, reader corrections and an index by account and time. Version 3 counts, per account, the
 * service articles that carry a pitch segment ("with ads inside"), and marks recent entries that do.
 */
export const MIGRATIONS: Record<number, Migration> = {
  1: (db) => {
    db.createObjectStore('articles', { keyPath: 'key' });
    db.createObjectStore('accounts', { keyPath: 'id' });
  },
  2: async (_db, tx) => {
    const articles = tx.objectStore('articles');
    articles.createIndex('byAccountSeen', ['accountId', 'firstSeenAt']);
    articles.createIndex('bySeen', 'firstSeenAt');
    // Only IDB requests may be awaited here: any other await lets the upgrade transaction commit.
    await migrateV1toV2(tx);
  },
  3: (_db, tx) => migrateV2toV3(tx),
};

/** The newest version: the highest step there is. */
export const DB_VERSION = Math.max(...Object.keys(MIGRATIONS).map(Number));
