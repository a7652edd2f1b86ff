// Version 2 → 3: accounts gain `adsInside` (service articles that carry a pitch segment) and recent
// entries whether theirs did. Article records written before pitch segments existed get an empty
// list, so every record reads the same way; the new counts are rebuilt from the articles themselves.
import { Label } from '../core/article';
import { z } from '../core/zod';
import { isAdsInside } from '../core/tally';
import type { UpgradeTx } from './schema';

/** What this step needs of a version-2 article; anything else in the record is kept as it is. */
const ArticleV2 = z.looseObject({
  key: z.string(),
  accountId: z.string(),
  model: z.looseObject({ label: Label, segments: z.optional(z.array(z.unknown())) }),
  userLabel: z.nullable(Label),
});
const AccountV2 = z.looseObject({
  id: z.string(),
  articles: z.int(),
  promo: z.int(),
  recent: z.array(z.looseObject({ key: z.string() })),
});

export async function migrateV2toV3(tx: UpgradeTx): Promise<void> {
  const articles = tx.objectStore('articles');
  const accounts = tx.objectStore('accounts');
  const inside = new Map<string, number>();
  const pitched = new Set<string>();
  let cursor = await articles.openCursor();
  while (cursor) {
    const parsed = ArticleV2.safeParse(cursor.value);
    if (parsed.success) {
      const a = parsed.data;
      const segments = a.model.segments ?? [];
      if (!a.model.segments) await cursor.update({ ...cursor.value, model: { ...cursor.value.model, segments: [] } });
      const pitch = segments.length > 0;
      if (pitch) pitched.add(a.key);
      if (isAdsInside({ label: a.userLabel ?? a.model.label, pitch })) inside.set(a.accountId, (inside.get(a.accountId) ?? 0) + 1);
    }
    cursor = await cursor.continue();
  }
  let accountCursor = await accounts.openCursor();
  while (accountCursor) {
    const parsed = AccountV2.safeParse(accountCursor.value);
    if (parsed.success) {
      const acc = parsed.data;
      const count = inside.get(acc.id) ?? 0;
      await accountCursor.update({
        ...accountCursor.value,
        // Never more than the account's service articles (a tally moved by hand-edited imports could say otherwise).
        adsInside: Math.min(count, Math.max(0, acc.articles - acc.promo)),
        recent: accountCursor.value.recent.map((r) => ({ ...r, pitch: pitched.has(r.key) })),
      });
    }
    accountCursor = await accountCursor.continue();
  }
}
