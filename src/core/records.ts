// The records IndexedDB holds and the export file carries: one zod schema per stored shape.
// Article bodies are never part of a record; titles live in `articles` only (not copied into accounts).
import { ArticleKind, Label, Verdict } from './article';
import { z } from './zod';

/** Where the label of an article came from: the reader's correction always beats the model. */
export const ArticleRecord = z.object({
  key: z.string().min(1).max(500),
  accountId: z.string().min(1).max(300),
  title: z.string().max(2000),
  url: z.string().max(2000),
  kind: ArticleKind,
  publishedAt: z.number().int().nullable(),
  firstSeenAt: z.number().int(),
  lastSeenAt: z.number().int(),
  visits: z.number().int().min(1),
  model: Verdict,
  userLabel: Label.nullable(),
  /** Set when the details (title, reasons) were pruned to free space; the tally it counted stays. */
  pruned: z.boolean().optional(),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/** One week of an account's articles, keyed by the week's Monday (days since the epoch, UTC+8). */
export const WeekTally = z.object({ n: z.number().int().min(0), promo: z.number().int().min(0) });
export type WeekTally = z.infer<typeof WeekTally>;

/** A recent article's effective label, newest last, for reasons like "10 of the last 12". */
export const RecentEntry = z.object({ key: z.string(), promo: z.boolean(), at: z.number().int() });
export type RecentEntry = z.infer<typeof RecentEntry>;

export const AccountRecord = z.object({
  /** `__biz` when known, else `name:<display name>`. */
  id: z.string().min(1).max(300),
  name: z.string().max(20000),
  username: z.string().max(200).nullable(),
  /** Articles counted, and how many of them are promotional by their effective label. */
  articles: z.number().int().min(0),
  promo: z.number().int().min(0),
  firstSeenAt: z.number().int(),
  lastSeenAt: z.number().int(),
  weeks: z.record(z.string(), WeekTally),
  recent: z.array(RecentEntry).max(64),
});
export type AccountRecord = z.infer<typeof AccountRecord>;

/** What the content script sends about an article: the Article without its body, plus its verdict. */
export const Observation = z.object({
  key: z.string().min(1).max(500),
  accountId: z.string().max(200).nullable(),
  accountName: z.string().min(1).max(20000),
  accountUsername: z.string().max(200).nullable(),
  title: z.string().max(20000),
  url: z.string().max(5000),
  kind: ArticleKind,
  publishedAt: z.number().int().nullable(),
  verdict: Verdict,
});
export type Observation = z.infer<typeof Observation>;
