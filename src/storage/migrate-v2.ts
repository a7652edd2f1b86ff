// Version 1 → 2: article records gain first/last-seen times, the model's verdict object and a slot
// for the reader's correction; account records gain per-week tallies and recent labels, rebuilt from
// their articles. Totals are kept as version 1 counted them, so no count is ever lost.
import { z } from '../core/zod';
import type { AccountRecord, ArticleRecord } from '../core/records';
import { countArticle, newAccount } from '../core/tally';
import type { UpgradeTx } from './schema';

export const ArticleV1 = z.object({
  key: z.string(),
  accountId: z.string(),
  title: z.catch(z.string(), ''),
  url: z.catch(z.string(), ''),
  label: z.catch(z.enum(['service', 'promotional']), 'service'),
  promoScore: z.catch(z.number().check(z.gte(0), z.lte(1)), 0),
  seenAt: z.catch(z.int(), 0),
});
export const AccountV1 = z.object({
  id: z.string(),
  name: z.catch(z.string(), ''),
  articles: z.catch(z.int().check(z.gte(0)), 0),
  promo: z.catch(z.int().check(z.gte(0)), 0),
});

export async function migrateV1toV2(tx: UpgradeTx): Promise<void> {
  const articles = tx.objectStore('articles');
  const accounts = tx.objectStore('accounts');
  const rebuilt = new Map<string, AccountRecord>();
  const v1Accounts = new Map<string, z.infer<typeof AccountV1>>();
  for (const raw of (await accounts.getAll()) as unknown[]) {
    const a = AccountV1.safeParse(raw);
    if (a.success) v1Accounts.set(a.data.id, a.data);
  }
  let cursor = await articles.openCursor();
  while (cursor) {
    const old = ArticleV1.safeParse(cursor.value);
    if (old.success) {
      const o = old.data;
      const next: ArticleRecord = {
        key: o.key,
        accountId: o.accountId,
        title: o.title,
        url: o.url,
        kind: 'article',
        publishedAt: null,
        firstSeenAt: o.seenAt,
        lastSeenAt: o.seenAt,
        visits: 1,
        model: { label: o.label, promoScore: o.promoScore, reasons: [], segments: [], paragraphs: 0 },
        userLabel: null,
      };
      await cursor.update(next);
      const acc = rebuilt.get(o.accountId) ?? newAccount(o.accountId, v1Accounts.get(o.accountId)?.name ?? '', null, o.seenAt);
      rebuilt.set(o.accountId, countArticle(acc, o.key, o.label, o.seenAt));
    }
    cursor = await cursor.continue();
  }
  for (const [id, v1] of v1Accounts) {
    const acc = rebuilt.get(id) ?? newAccount(id, v1.name, null, 0);
    // Version 1's totals stand even where their articles are gone.
    acc.name = v1.name || acc.name;
    acc.articles = Math.max(acc.articles, v1.articles);
    acc.promo = Math.min(acc.articles, Math.max(acc.promo, v1.promo));
    rebuilt.set(id, acc);
  }
  for (const acc of rebuilt.values()) await accounts.put(acc);
}
