// Which accounts to suggest muting or unfollowing, and why, from tallies and the reader's choices.
// Guide, never force: evidence first (a confidence bound, not the raw ratio), pins always win.
import type { Prefs } from './prefs';
import { isMuted } from './prefs';
import type { AccountRecord } from './records';
import { promoLowerBound } from './tally';

export type SuggestAction = 'mute' | 'unfollow';

export interface Suggestion {
  accountId: string;
  name: string;
  action: SuggestAction;
  /** Lower confidence bound of the promo ratio: what ranks and gates suggestions. */
  bound: number;
  /** The evidence in numbers, for the reason line: `promo` of the last `window` articles. */
  reason: { promo: number; window: number; total: number; totalPromo: number };
}

export type FollowState = 'following' | 'unfollowed' | 'followed-again';

/** An account ticked off the unfollow checklist but seen again since reads as followed again. */
export function followState(acc: Pick<AccountRecord, 'id' | 'lastSeenAt'>, prefs: Pick<Prefs, 'unfollowed'>): FollowState {
  const u = prefs.unfollowed[acc.id];
  if (!u) return 'following';
  return acc.lastSeenAt > u.at ? 'followed-again' : 'unfollowed';
}

/** How many of the account's most recent articles were promotional (window of up to 12). */
export function recentEvidence(acc: Pick<AccountRecord, 'recent'>, window = 12): { promo: number; window: number } {
  const recent = acc.recent.slice(-window);
  return { promo: recent.filter((r) => r.promo).length, window: recent.length };
}

/** A dismissed suggestion comes back only when the account's bound has risen clearly since. */
const WORSE_BY = 0.1;

export function suggestMutes(accounts: readonly AccountRecord[], prefs: Prefs, now: number): Suggestion[] {
  const s = prefs.settings;
  const out: Suggestion[] = [];
  for (const acc of accounts) {
    if (prefs.pins[acc.id]) continue;
    if (acc.articles < s.minArticles) continue;
    const follow = followState(acc, prefs);
    if (follow === 'unfollowed') continue;
    const bound = promoLowerBound(acc.promo, acc.articles);
    const dismissed = prefs.dismissed[acc.id];
    if (dismissed && bound < dismissed.bound + WORSE_BY) continue;
    const muted = isMuted(prefs, acc.id, now);
    let action: SuggestAction | null = null;
    if (acc.articles >= s.unfollowMinArticles && bound >= s.unfollowBound) action = 'unfollow';
    else if (!muted && bound >= s.muteBound) action = 'mute';
    if (!action) continue;
    const ev = recentEvidence(acc);
    out.push({
      accountId: acc.id,
      name: acc.name,
      action,
      bound,
      reason: { promo: ev.promo, window: ev.window, total: acc.articles, totalPromo: acc.promo },
    });
  }
  // Worst first: the checklist is ordered by how much promotion an account sends.
  return out.sort((a, b) => b.bound - a.bound || b.reason.totalPromo - a.reason.totalPromo || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}
