// What extraction reads off a WeChat page and what classification says of it: the schemas every
// other part (messages, storage, CLI) builds on. Pure data, no browser API.
import { z } from './zod';

/** WeChat's item_show_type: 0 article, 5 video share, 8 image share, 10 text share. */
export const ArticleKind = z.enum(['article', 'video', 'image', 'text']);
export type ArticleKind = z.infer<typeof ArticleKind>;

/**
 * Structural signals that only the page's DOM carries (the corpora have none, so every field
 * is optional and absent means "unknown", not zero).
 */
export const PageCues = z.object({
  /** Mini-program cards and links inside the body (`mp-miniprogram`, `data-miniprogram-appid`, weapp links). */
  miniPrograms: z.optional(z.int().check(z.gte(0))),
  /** Product / shop cards inside the body (`mp-common-product`, WeChat store cards). */
  productCards: z.optional(z.int().check(z.gte(0))),
  /** Host names of body links (and the 阅读原文 link) that point into shops or paid-content platforms. */
  shopHosts: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50))),
  /** Number of images inside the body. */
  images: z.optional(z.int().check(z.gte(0))),
  /** The article is behind WeChat's paywall (付费文章). */
  paid: z.optional(z.boolean()),
});
export type PageCues = z.infer<typeof PageCues>;

/** An article read off a page. `body` stays in the page: it is never sent or stored. */
export const Article = z.object({
  /** Stable identity: `biz:mid:idx` when the page names them, else `s:<id>` from the `/s/<id>` path. */
  key: z.string().check(z.minLength(1), z.maxLength(500)),
  /** The account's `__biz` (base64, e.g. `MzA3...`); null when the page does not carry it. */
  accountId: z.nullable(z.string().check(z.maxLength(200))),
  accountName: z.string().check(z.maxLength(20000)),
  /** `gh_…` (sometimes `wxid_…`) when the page carries it. */
  accountUsername: z.nullable(z.string().check(z.maxLength(200))),
  title: z.string().check(z.maxLength(20000)),
  /** Epoch milliseconds, from `var ct` / `create_time`. */
  publishedAt: z.nullable(z.int()),
  kind: ArticleKind,
  /** 原创 (copyright_stat 1); false for reprints and unknown. */
  isOriginal: z.boolean(),
  /** 阅读原文 target, when set. */
  sourceUrl: z.nullable(z.string().check(z.maxLength(5000))),
  /** Plain text, one paragraph per line (`\n`), the same shape as the corpora's `text`. */
  body: z.string(),
  cues: PageCues,
});
export type Article = z.infer<typeof Article>;

/** Why a page is not an article we can count. */
export const NotArticleReason = z.enum([
  'deleted',
  'violation',
  'rate-limited',
  'unavailable',
  'expired',
  'unreadable',
]);
export type NotArticleReason = z.infer<typeof NotArticleReason>;

export type ExtractResult =
  | { ok: true; article: Article }
  | { ok: false; reason: NotArticleReason; message: string };

export const Label = z.enum(['service', 'promotional']);
export type Label = z.infer<typeof Label>;

/** One piece of evidence behind a verdict: which cue, the article's own words, and its weight. */
export const Reason = z.object({
  cue: z.string().check(z.minLength(1), z.maxLength(64)),
  words: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(8)),
  /** Finite: `z.number()` rejects Infinity and NaN. */
  weight: z.number(),
});
export type Reason = z.infer<typeof Reason>;

/**
 * A run of body paragraphs that sells (a course at the end, a sponsored block): `start` and `end`
 * are inclusive indices of the body's lines (`body.split('\n')`), the paragraphs the page marks.
 */
export const PitchSegment = z.object({
  start: z.int().check(z.gte(0)),
  end: z.int().check(z.gte(0)),
  /** How surely these paragraphs sell, 0 to 1. */
  strength: z.number().check(z.gte(0), z.lte(1)),
  /** Their share of the body's characters, 0 to 1. */
  share: z.number().check(z.gte(0), z.lte(1)),
});
export type PitchSegment = z.infer<typeof PitchSegment>;

export const Verdict = z.object({
  label: Label,
  promoScore: z.number().check(z.gte(0), z.lte(1)),
  reasons: z.array(Reason).check(z.maxLength(16)),
  /** The body's pitch segments, in order; also on service verdicts (a short course footer). */
  segments: z.array(PitchSegment).check(z.maxLength(32)),
  /** How many lines (paragraphs) the body has: what segment indices count in ("4 of 12"). */
  paragraphs: z.int().check(z.gte(0)),
});
export type Verdict = z.infer<typeof Verdict>;

/** What the classifier reads. */
export interface ClassifyInput {
  title: string;
  body: string;
  cues?: PageCues;
}
