// Suggestions to mute and, on stronger evidence, to unfollow: each with its reason in words, a
// one-click Mute (the duration chosen once above), Dismiss, and the unfollow guide.
import { useState } from 'preact/hooks';
import { isMuted, type MuteDuration } from '../core/prefs';
import { followState, type Suggestion } from '../core/suggest';
import type { UiData } from '../ui/actions';
import { DurationSelect } from '../ui/duration';
import { t } from '../ui/i18n';
import { displayName } from '../ui/model';
import { Name } from '../ui/text';
import { MuteButton } from './MuteButton';
import type { Controller, Derived } from './controller';

const FIRST = 5;

export function reasonText(s: Pick<Suggestion, 'reason' | 'action'>): string {
  const r = s.reason;
  if (s.action === 'ads-inside') {
    return r.promo > 0 ? t('reasonInsidePromo', r.window, r.inside, r.promo) : t(r.inside === 1 ? 'reasonInsideOne' : 'reasonInside', r.window, r.inside);
  }
  return t(r.promo === 1 ? 'reasonRecentOne' : 'reasonRecent', r.window, r.promo);
}

export function evidenceText(s: Pick<Suggestion, 'reason' | 'bound' | 'action'>): string {
  const bound = `${Math.round(s.bound * 100)}%`;
  if (s.action === 'ads-inside') return t('evidenceInside', s.reason.total, s.reason.totalInside, s.reason.totalPromo, bound);
  return t('reasonEvidence', s.reason.total, s.reason.totalPromo, bound);
}

const TAG_KEYS = { mute: 'suggestMute', unfollow: 'suggestUnfollow', 'ads-inside': 'suggestAdsInside' } as const;

interface Props {
  data: UiData;
  derived: Derived;
  ctl: Controller;
  duration: MuteDuration;
  setDuration: (d: MuteDuration) => void;
  busy: boolean;
}

export function Suggestions({ data, derived, ctl, duration, setDuration, busy }: Props) {
  const [all, setAll] = useState(false);
  const list = derived.suggestions;
  const visible = all ? list : list.slice(0, FIRST);
  const hasChecklist = derived.checklist.length > 0;
  return (
    <section class="suggestions" aria-labelledby="suggestions-title">
      <div class="section-head">
        <h2 id="suggestions-title">
          {t('suggestionsTitle')}
          {list.length > 0 && <span class="count">{list.length}</span>}
        </h2>
        {list.some((s) => !isMuted(data.prefs, s.accountId, data.now)) && <DurationSelect id="mute-duration" value={duration} onChange={setDuration} />}
      </div>
      {list.length === 0 ? (
        <p class="empty">{t('suggestionsNone', data.prefs.settings.minArticles)}</p>
      ) : (
        <ul class="cards">
          {visible.map((s) => (
            <SuggestionCard key={s.accountId} s={s} data={data} derived={derived} ctl={ctl} duration={duration} busy={busy} />
          ))}
        </ul>
      )}
      {list.length > FIRST && (
        <button type="button" class="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('suggestionsFewer') : t('suggestionsAll', list.length)}
        </button>
      )}
      {hasChecklist && (
        <button type="button" class="secondary wide" data-testid="open-checklist" onClick={() => ctl.open({ kind: 'unfollow', id: null })}>
          {t('checklistOpen', derived.checklist.filter((c) => c.done).length, derived.checklist.length)}
        </button>
      )}
    </section>
  );
}

function SuggestionCard({ s, data, derived, ctl, duration, busy }: { s: Suggestion; data: UiData; derived: Derived; ctl: Controller; duration: MuteDuration; busy: boolean }) {
  const muted = isMuted(data.prefs, s.accountId, data.now);
  const acc = derived.byId.get(s.accountId);
  const again = acc && followState(acc, data.prefs) === 'followed-again';
  const short = displayName(s.name, 40);
  const nameId = `sugg-name-${s.accountId}`;
  return (
    <li class={`card ${s.action}`} data-testid="suggestion" data-account-id={s.accountId} data-action={s.action} aria-labelledby={nameId}>
      <div class="card-head">
        <button type="button" class="name-button" id={nameId} onClick={() => ctl.open({ kind: 'account', id: s.accountId })}>
          <Name name={s.name} class="clamp-2" />
        </button>
        <span class={`tag ${s.action}`} title={s.action === 'ads-inside' ? t('adsInsideExplain') : undefined}>
          {t(TAG_KEYS[s.action])}
        </span>
      </div>
      <p class="reason">{reasonText(s)}</p>
      <p class="evidence" title={t('boundExplain')}>
        {evidenceText(s)}
      </p>
      {(muted || again) && (
        <p class="notes">
          {muted && <span class="tag muted">{t('stateMuted')}</span>}
          {again && <span class="tag again">{t('stateFollowedAgain')}</span>}
        </p>
      )}
      <div class="card-actions">
        {!muted && <MuteButton ctl={ctl} accountId={s.accountId} name={s.name} duration={duration} busy={busy} />}
        {s.action === 'unfollow' && (
          <button type="button" class="secondary" data-testid="unfollow-button" aria-label={t('unfollowGuideAria', short)} onClick={() => ctl.open({ kind: 'unfollow', id: s.accountId })}>
            {t('unfollowGuide')}
          </button>
        )}
        <button
          type="button"
          class="quiet"
          data-testid="dismiss-button"
          disabled={busy}
          aria-label={t('dismissAria', short)}
          onClick={() => void ctl.run({ type: 'suggestion/dismiss', accountId: s.accountId })}
        >
          {t('dismiss')}
        </button>
      </div>
    </li>
  );
}
