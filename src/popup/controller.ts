// What the popup's parts share with the shell that holds them: the views, the controller they act
// through, and the figures derived once per data load. Parts import this, never Popup.tsx.
import { isMuted } from '../core/prefs';
import { suggestMutes } from '../core/suggest';
import { weekSummary } from '../core/tally';
import type { RequestOf, RequestType } from '../messages';
import type { Actions, UiData } from '../ui/actions';
import { accountsById, unfollowChecklist } from '../ui/model';
import type { Status } from '../ui/runner';

export type View = { kind: 'main' } | { kind: 'account'; id: string } | { kind: 'unfollow'; id: string | null };

/** What the parts of the popup may do: send a request (reloading after), and move between views. */
export interface Controller {
  actions: Actions;
  run<T extends RequestType>(request: RequestOf<T>, done?: string): Promise<boolean>;
  open(view: View): void;
  setStatus(status: Status | null): void;
}

export type Derived = ReturnType<typeof derive>;

/**
 * Suggestions, lookups and this week's summary: computed once per data load, not per part. It runs
 * before the popup's first frame over every account, so each pass over them is done once: one map by
 * id, and the muted count from the (few) mutes rather than from every account.
 */
export function derive(data: UiData) {
  const suggestions = suggestMutes(data.accounts, data.prefs, data.now);
  const byId = accountsById(data.accounts);
  let muted = 0;
  for (const id of Object.keys(data.prefs.mutes)) if (byId.has(id) && isMuted(data.prefs, id, data.now)) muted++;
  return {
    suggestions,
    byId,
    muted,
    week: weekSummary(data.accounts, data.now),
    checklist: unfollowChecklist(data.accounts, data.prefs, suggestions, byId),
  };
}
