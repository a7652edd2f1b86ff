// Pure view-model helpers shared by the popup and options pages: sorting, search, the checklist,
// safe links and the sparkline geometry. No DOM, no browser API: tested with plain tables.
import type { Prefs } from '../core/prefs';
import type { AccountRecord } from '../core/records';
import { followState, type FollowState, type Suggestion } from '../core/suggest';
import { promoLowerBound, type weeklyTrend } from '../core/tally';

export type SortKey = 'ratio' | 'articles' | 'name' | 'recent';
export const SORT_KEYS: readonly SortKey[] = ['ratio', 'articles', 'name', 'recent'];

export function promoRatio(acc: Pick<AccountRecord, 'articles' | 'promo'>): number {
  return acc.articles > 0 ? Math.min(1, acc.promo / acc.articles) : 0;
}

/** Accounts whose name contains `query` (case-insensitive, surrounding spaces ignored). */
export function searchAccounts<T extends Pick<AccountRecord, 'name'>>(accounts: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...accounts];
  return accounts.filter((a) => a.name.toLowerCase().includes(q));
}

/**
 * Sorted copy: ratio, articles and last seen descend (most first); names ascend in the UI language's
 * order. Only the name sort pays for a collator: the popup's default sort runs on every first render.
 */
export function sortAccounts(accounts: readonly AccountRecord[], key: SortKey, lang = 'zh-CN'): AccountRecord[] {
  const byId = (a: AccountRecord, b: AccountRecord): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (key === 'name') {
    const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
    return [...accounts].sort((a, b) => collator.compare(a.name, b.name) || byId(a, b));
  }
  const primary = key === 'ratio' ? promoRatio : key === 'articles' ? (a: AccountRecord) => a.articles : (a: AccountRecord) => a.lastSeenAt;
  const keyed = accounts.map((acc) => ({ acc, k: primary(acc) }));
  keyed.sort((a, b) => b.k - a.k || b.acc.articles - a.acc.articles || byId(a.acc, b.acc));
  return keyed.map((x) => x.acc);
}

/**
 * A name fit for a line or two of UI: trimmed and cut after `max` characters (by code point, never
 * inside an emoji), so a 10,000-character name costs no layout. The full name stays in attributes.
 */
export function displayName(name: string, max = 120): string {
  const trimmed = name.trim();
  if (trimmed.length <= max) return trimmed;
  const points = Array.from(trimmed.slice(0, max * 2 + 2));
  return points.length > max ? points.slice(0, max).join('') + '…' : points.join('');
}

/** `__biz` ids are base64; accounts known only by name (`name:…`) have no page to link to. */
export function isBiz(accountId: string): boolean {
  return !accountId.startsWith('name:') && /^[A-Za-z0-9+/]{6,}={0,2}$/.test(accountId);
}

/** The account's page on the web: WeChat's profile page, the only one there is. */
export function profileUrl(accountId: string): string | null {
  return isBiz(accountId) ? `https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=${encodeURIComponent(accountId)}#wechat_redirect` : null;
}

/** A stored article URL, only when it points to a WeChat article page (stored URLs came from pages). */
export function articleLink(url: string): string | null {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname === 'mp.weixin.qq.com' ? u.href : null;
  } catch {
    return null;
  }
}

/** Accounts by id (a plain loop: the popup builds this over every account before its first frame). */
export function accountsById(accounts: readonly AccountRecord[]): Map<string, AccountRecord> {
  const byId = new Map<string, AccountRecord>();
  for (let i = 0; i < accounts.length; i++) byId.set(accounts[i]!.id, accounts[i]!);
  return byId;
}

export interface ChecklistItem {
  accountId: string;
  name: string;
  bound: number;
  promo: number;
  articles: number;
  state: FollowState;
  done: boolean;
}

/**
 * The unfollow checklist: accounts suggested to unfollow, and those already ticked off (so a tick can
 * be taken back), ordered by how much promotion they send.
 */
export function unfollowChecklist(
  accounts: readonly AccountRecord[],
  prefs: Prefs,
  suggestions: readonly Suggestion[],
  byId: ReadonlyMap<string, AccountRecord> = accountsById(accounts),
): ChecklistItem[] {
  const items = new Map<string, ChecklistItem>();
  for (const s of suggestions) {
    if (s.action !== 'unfollow') continue;
    const acc = byId.get(s.accountId);
    items.set(s.accountId, {
      accountId: s.accountId,
      name: s.name,
      bound: s.bound,
      promo: s.reason.totalPromo,
      articles: s.reason.total,
      state: acc ? followState(acc, prefs) : 'following',
      done: false,
    });
  }
  for (const [id, u] of Object.entries(prefs.unfollowed)) {
    if (items.has(id)) continue;
    const acc = byId.get(id);
    const state = acc ? followState(acc, prefs) : 'unfollowed';
    items.set(id, {
      accountId: id,
      name: acc?.name ?? u.name,
      bound: acc ? promoLowerBound(acc.promo, acc.articles) : 0,
      promo: acc?.promo ?? 0,
      articles: acc?.articles ?? 0,
      state,
      done: state === 'unfollowed',
    });
  }
  return [...items.values()].sort((a, b) => b.bound - a.bound || b.promo - a.promo || (a.accountId < b.accountId ? -1 : 1));
}

/**
 * One SVG path for the weekly promo ratio (0 at the bottom, 1 at the top): a run of weeks with
 * articles is a line, a lone week a short dash, weeks
 * without articles a gap. One element per sparkline keeps 100 rows cheap to create.
 */
export function sparklinePath(trend: ReturnType<typeof weeklyTrend>, width: number, height: number, pad = 2): string {
  const step = trend.length > 1 ? (width - 2 * pad) / (trend.length - 1) : 0;
  const round = (v: number): number => Math.round(v * 10) / 10;
  const parts: string[] = [];
  let run: Array<[number, number]> = [];
  const flush = (): void => {
    if (run.length === 1) parts.push(`M${round(run[0]![0] - 1.5)} ${run[0]![1]} h3`);
    else if (run.length > 1) parts.push(run.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join(' '));
    run = [];
  };
  trend.forEach((w, i) => {
    if (w.ratio === null) return flush();
    run.push([round(pad + i * step), round(pad + (1 - w.ratio) * (height - 2 * pad))]);
  });
  flush();
  return parts.join(' ');
}
