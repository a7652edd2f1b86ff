// Per-account tallies: how one observation or one correction moves an account's counts. Pure, so the
// storage layer runs it inside its transaction and tests run it on plain objects.
import type { Label } from './article';
import type { AccountRecord, ArticleRecord, Observation } from './records';

export const RECENT_KEEP = 24;
const DAY = 86_400_000;
/** WeChat readers live in UTC+8; weeks start on Monday there. */
const UTC8 = 8 * 3_600_000;

/** The week an instant falls in, as the day number (since the epoch) of that week's Monday. */
export function weekOf(at: number): number {
  const day = Math.floor((at + UTC8) / DAY);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
  return day - ((day + 3) % 7);
}

export function effectiveLabel(a: Pick<ArticleRecord, 'model' | 'userLabel'>): Label {
  return a.userLabel ?? a.model.label;
}

/** An article as the tallies count it: its effective label, and whether the model found a pitch segment in it. */
export interface Tallied {
  label: Label;
  pitch: boolean;
}

export function hasPitch(a: Pick<ArticleRecord, 'model'>): boolean {
  return a.model.segments.length > 0;
}

export function talliedAs(a: Pick<ArticleRecord, 'model' | 'userLabel'>): Tallied {
  return { label: effectiveLabel(a), pitch: hasPitch(a) };
}

/**
 * "With ads inside": a service article (by its effective label) that carries a pitch segment. A
 * promotional article is counted as promotional only, so no article is counted twice.
 */
export function isAdsInside(t: Tallied): boolean {
  return t.label === 'service' && t.pitch;
}

/** The account id an observation is filed under: its `__biz`, else its display name. */
export function accountIdOf(o: Pick<Observation, 'accountId' | 'accountName'>): string {
  return o.accountId ?? `name:${o.accountName.trim()}`;
}

export function newAccount(id: string, name: string, username: string | null, at: number): AccountRecord {
  return { id, name, username, articles: 0, promo: 0, adsInside: 0, firstSeenAt: at, lastSeenAt: at, weeks: {}, recent: [] };
}

/** Counts a newly seen article into its account (mutates and returns `acc`). `pitch`: it carries a pitch segment. */
export function countArticle(acc: AccountRecord, key: string, label: Label, at: number, pitch = false): AccountRecord {
  const promo = label === 'promotional';
  acc.articles += 1;
  if (promo) acc.promo += 1;
  if (isAdsInside({ label, pitch })) acc.adsInside += 1;
  const wk = String(weekOf(at));
  const week = acc.weeks[wk] ?? { n: 0, promo: 0 };
  week.n += 1;
  if (promo) week.promo += 1;
  acc.weeks[wk] = week;
  acc.recent.push({ key, promo, at, pitch });
  acc.recent.sort((a, b) => a.at - b.at);
  if (acc.recent.length > RECENT_KEEP) acc.recent.splice(0, acc.recent.length - RECENT_KEEP);
  acc.firstSeenAt = Math.min(acc.firstSeenAt, at);
  acc.lastSeenAt = Math.max(acc.lastSeenAt, at);
  return acc;
}

/**
 * Moves the counts of an already-counted article whose effective label or pitch changed (a correction,
 * or a newer model verdict). `countedAt` is the instant the article was counted (its first sighting).
 */
export function retallyArticle(acc: AccountRecord, key: string, from: Tallied, to: Tallied, countedAt: number): AccountRecord {
  if (from.label !== to.label) {
    const delta = to.label === 'promotional' ? 1 : -1;
    acc.promo = clamp(acc.promo + delta, 0, acc.articles);
    const week = acc.weeks[String(weekOf(countedAt))];
    if (week) week.promo = clamp(week.promo + delta, 0, week.n);
  }
  const inside = Number(isAdsInside(to)) - Number(isAdsInside(from));
  if (inside) acc.adsInside = clamp(acc.adsInside + inside, 0, acc.articles - acc.promo);
  for (const r of acc.recent) {
    if (r.key !== key) continue;
    r.promo = to.label === 'promotional';
    r.pitch = to.pitch;
  }
  return acc;
}

/**
 * Sets the pitch part of an account's tallies from its article records (an import of an account new
 * here, whose file may predate the count): `adsInside` and each recent entry's pitch.
 */
export function recountPitch(acc: AccountRecord, articles: ReadonlyArray<Pick<ArticleRecord, 'key' | 'model' | 'userLabel'>>): AccountRecord {
  const pitched = new Set<string>();
  let inside = 0;
  for (const a of articles) {
    const t = talliedAs(a);
    if (t.pitch) pitched.add(a.key);
    if (isAdsInside(t)) inside++;
  }
  acc.adsInside = Math.min(inside, Math.max(0, acc.articles - acc.promo));
  for (const r of acc.recent) r.pitch = pitched.has(r.key);
  return acc;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Drops week buckets older than `keepWeeks` before `now`, to keep records small. */
export function trimWeeks(acc: AccountRecord, now: number, keepWeeks = 26): AccountRecord {
  const oldest = weekOf(now) - 7 * (keepWeeks - 1);
  for (const k of Object.keys(acc.weeks)) if (Number(k) < oldest) delete acc.weeks[k];
  return acc;
}

/** Promo ratio per week for the `weeks` weeks ending with the one holding `now`, oldest first; null = no articles. */
export function weeklyTrend(acc: Pick<AccountRecord, 'weeks'>, now: number, weeks = 8): Array<{ week: number; n: number; ratio: number | null }> {
  const last = weekOf(now);
  const out: Array<{ week: number; n: number; ratio: number | null }> = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const week = last - 7 * i;
    const t = acc.weeks[String(week)];
    out.push({ week, n: t?.n ?? 0, ratio: t && t.n > 0 ? t.promo / t.n : null });
  }
  return out;
}

/**
 * Lower bound of the Wilson score interval for `k` promotional out of `n` (one-sided, z = 1.645 for
 * 95%): a small count never reads as 100%. 5 of 5 gives 0.65, 3 of 3 gives 0.53, 50 of 60 gives 0.75.
 */
export function promoLowerBound(k: number, n: number, z = 1.645): number {
  if (n <= 0) return 0;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

export interface WeekSummary {
  articles: number;
  promo: number;
}

/** Articles first seen this week (Monday, UTC+8) and how many were promotional, from the tallies. */
export function weekSummary(accounts: readonly AccountRecord[], now = Date.now()): WeekSummary {
  const wk = String(weekOf(now));
  let articles = 0;
  let promo = 0;
  for (const a of accounts) {
    const t = a.weeks[wk];
    if (t) {
      articles += t.n;
      promo += t.promo;
    }
  }
  return { articles, promo };
}
