// The records IndexedDB holds and the export file carries: one zod schema per stored shape.
// Article bodies are never part of a record; titles live in `articles` only (not copied into accounts).
import { ArticleKind, Label, PitchSegment, Verdict } from './article';
import { z } from './zod';

/** A stored verdict: records and export files written before pitch segments existed read as none. */
export const StoredVerdict = z.extend(Verdict, {
  segments: z._default(z.array(PitchSegment).check(z.maxLength(32)), []),
  paragraphs: z._default(z.int().check(z.gte(0)), 0),
});

/** Where the label of an article came from: the reader's correction always beats the model. */
export const ArticleRecord = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(500)),
  accountId: z.string().check(z.minLength(1), z.maxLength(300)),
  title: z.string().check(z.maxLength(2000)),
  url: z.string().check(z.maxLength(2000)),
  kind: ArticleKind,
  publishedAt: z.nullable(z.int()),
  firstSeenAt: z.int(),
  lastSeenAt: z.int(),
  visits: z.int().check(z.gte(1)),
  model: StoredVerdict,
  userLabel: z.nullable(Label),
  /** Set when the details (title, reasons) were pruned to free space; the tally it counted stays. */
  pruned: z.optional(z.boolean()),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/** One week of an account's articles, keyed by the week's Monday (days since the epoch, UTC+8). */
export const WeekTally = z.object({ n: z.int().check(z.gte(0)), promo: z.int().check(z.gte(0)) });
export type WeekTally = z.infer<typeof WeekTally>;

/**
 * A recent article's effective label and whether the model found a pitch segment in it, newest last,
 * for reasons like "10 of the last 12". Entries written before pitch segments existed read as none.
 */
export const RecentEntry = z.object({ key: z.string(), promo: z.boolean(), at: z.int(), pitch: z._default(z.boolean(), false) });
export type RecentEntry = z.infer<typeof RecentEntry>;

export const AccountRecord = z.object({
  /** `__biz` when known, else `name:<display name>`. */
  id: z.string().check(z.minLength(1), z.maxLength(300)),
  name: z.string().check(z.maxLength(20000)),
  username: z.nullable(z.string().check(z.maxLength(200))),
  /** Articles counted, and how many of them are promotional by their effective label. */
  articles: z.int().check(z.gte(0)),
  promo: z.int().check(z.gte(0)),
  /**
   * Of the articles counted, how many are service by their effective label yet carry a pitch segment
   * ("with ads inside"). Export files written before it existed read as 0; the import recounts it.
   */
  adsInside: z._default(z.int().check(z.gte(0)), 0),
  firstSeenAt: z.int(),
  lastSeenAt: z.int(),
  weeks: z.record(z.string(), WeekTally),
  recent: z.array(RecentEntry).check(z.maxLength(64)),
});
export type AccountRecord = z.infer<typeof AccountRecord>;

/** What the content script sends about an article: the Article without its body, plus its verdict. */
export const Observation = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(500)),
  accountId: z.nullable(z.string().check(z.maxLength(200))),
  accountName: z.string().check(z.minLength(1), z.maxLength(20000)),
  accountUsername: z.nullable(z.string().check(z.maxLength(200))),
  title: z.string().check(z.maxLength(20000)),
  url: z.string().check(z.maxLength(5000)),
  kind: ArticleKind,
  publishedAt: z.nullable(z.int()),
  verdict: Verdict,
});
export type Observation = z.infer<typeof Observation>;
