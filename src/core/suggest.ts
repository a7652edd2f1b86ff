// Which accounts to suggest muting or unfollowing, and why, from tallies and the reader's choices.
// Guide, never force: evidence first (a confidence bound, not the raw ratio), pins always win.
import type { Dismissal, Prefs } from './prefs';
import { isMuted } from './prefs';
import type { AccountRecord } from './records';
import { promoLowerBound } from './tally';

/**
 * `ads-inside` is the gentler one: an account whose articles are mostly useful but mostly carry a
 * sales block. It says so and offers the same one-click Mute; it never leads to the unfollow list.
 */
export type SuggestAction = 'mute' | 'unfollow' | 'ads-inside';

export interface Suggestion {
  accountId: string;
  name: string;
  action: SuggestAction;
  /**
   * What ranks and gates the suggestion: the lower confidence bound of the promo ratio, or for
   * `ads-inside` of the share that sells at all (promotional articles plus those with ads inside).
   */
  bound: number;
  /**
   * The evidence in numbers, for the reason line: `promo` promotional and `inside` with ads inside of
   * the last `window` articles, and the same over all `total` articles.
   */
  reason: { promo: number; inside: number; window: number; total: number; totalPromo: number; totalInside: number };
}

export type FollowState = 'following' | 'unfollowed' | 'followed-again';

/** An account ticked off the unfollow checklist but seen again since reads as followed again. */
export function followState(acc: Pick<AccountRecord, 'id' | 'lastSeenAt'>, prefs: Pick<Prefs, 'unfollowed'>): FollowState {
  const u = prefs.unfollowed[acc.id];
  if (!u) return 'following';
  return acc.lastSeenAt > u.at ? 'followed-again' : 'unfollowed';
}

/** How many of the account's most recent articles (up to 12) were promotional, and how many service with ads inside. */
export function recentEvidence(acc: Pick<AccountRecord, 'recent'>, window = 12): { promo: number; inside: number; window: number } {
  const recent = acc.recent.slice(-window);
  return { promo: recent.filter((r) => r.promo).length, inside: recent.filter((r) => !r.promo && r.pitch).length, window: recent.length };
}

/** Lower confidence bound of the share of an account's articles that sell: promotional ones plus those with ads inside. */
export function sellingBound(acc: Pick<AccountRecord, 'promo' | 'adsInside' | 'articles'>): number {
  return promoLowerBound(acc.promo + acc.adsInside, acc.articles);
}

/** What a dismissal remembers of the account, so each kind of suggestion returns only when it gets worse. */
export function dismissalOf(acc: Pick<AccountRecord, 'promo' | 'adsInside' | 'articles'>, at: number): Dismissal {
  return { bound: promoLowerBound(acc.promo, acc.articles), selling: sellingBound(acc), at };
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
    let bound = promoLowerBound(acc.promo, acc.articles);
    const dismissed = prefs.dismissed[acc.id];
    const muted = isMuted(prefs, acc.id, now);
    let action: SuggestAction | null = null;
    if (!dismissed || bound >= dismissed.bound + WORSE_BY) {
      if (acc.articles >= s.unfollowMinArticles && bound >= s.unfollowBound) action = 'unfollow';
      else if (!muted && bound >= s.muteBound) action = 'mute';
    }
    // Not promotional enough on its own, but most of what it sends sells something: say so, gently.
    if (!action && !muted && acc.adsInside > 0) {
      const selling = sellingBound(acc);
      if (selling >= s.muteBound && (!dismissed || selling >= (dismissed.selling ?? dismissed.bound) + WORSE_BY)) {
        action = 'ads-inside';
        bound = selling;
      }
    }
    if (!action) continue;
    const ev = recentEvidence(acc);
    out.push({
      accountId: acc.id,
      name: acc.name,
      action,
      bound,
      reason: { promo: ev.promo, inside: ev.inside, window: ev.window, total: acc.articles, totalPromo: acc.promo, totalInside: acc.adsInside },
    });
  }
  // Worst first (the checklist is ordered by how much promotion an account sends); the gentler kind after the others.
  const gentle = (x: Suggestion): number => (x.action === 'ads-inside' ? 1 : 0);
  return out.sort(
    (a, b) => gentle(a) - gentle(b) || b.bound - a.bound || b.reason.totalPromo - a.reason.totalPromo || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0),
  );
}
