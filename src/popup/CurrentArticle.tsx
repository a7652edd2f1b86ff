// The article open in the tab the popup belongs to: its verdict and the reasons behind it, its
// account's figures, and one click each to correct the verdict, mute the account or pin it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Label } from '../core/article';
import { isMuted, type MuteDuration } from '../core/prefs';
import type { ArticleRecord } from '../core/records';
import { effectiveLabel } from '../core/tally';
import type { Actions, CurrentTab, UiData } from '../ui/actions';
import { RatioBar } from '../ui/charts';
import { t, tn } from '../ui/i18n';
import { displayName, promoRatio } from '../ui/model';
import { Name } from '../ui/text';
import { CorrectButtons, Reasons, VerdictHead } from './ArticleParts';
import type { Controller, Derived } from './controller';
import { MuteButton } from './MuteButton';

/**
 * The stored record of the article the popup's tab shows, read again with every data load (its first
 * write may land after the popup opened; a correction changes it). The tab's toolbar icon follows any
 * change of its label made while the popup is open.
 */
export function useCurrentArticle(actions: Actions, data: UiData | null): ArticleRecord | null {
  const [tab, setTab] = useState<CurrentTab | null>(null);
  const [article, setArticle] = useState<ArticleRecord | null>(null);
  useEffect(() => {
    let alive = true;
    actions.currentTab().then(
      (found) => alive && setTab(found),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [actions]);
  useEffect(() => {
    if (!tab) return;
    let alive = true;
    actions.article(tab.key).then(
      (found) => alive && setArticle(found ?? null),
      () => alive && setArticle(null),
    );
    return () => {
      alive = false;
    };
  }, [actions, tab, data]);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!tab || !article) return;
    const state = `${effectiveLabel(article)}:${article.userLabel}`;
    if (shown.current !== null && shown.current !== state) void actions.send({ type: 'toolbar/show', tabId: tab.tabId, key: tab.key });
    shown.current = state;
  }, [actions, tab, article]);
  return article;
}

interface Props {
  article: ArticleRecord;
  data: UiData;
  derived: Derived;
  ctl: Controller;
  duration: MuteDuration;
  busy: boolean;
}

export function CurrentArticle({ article: a, data, derived, ctl, duration, busy }: Props) {
  const label = effectiveLabel(a);
  const acc = derived.byId.get(a.accountId);
  const title = a.title.trim() ? displayName(a.title, 300) : t('titleNone');
  const correct = (to: Label | null): void => void ctl.run({ type: 'article/correct', key: a.key, label: to });
  return (
    <section class={`current ${label}`} data-testid="current-article" data-verdict={label} data-account-id={a.accountId} data-key={a.key} aria-labelledby="current-title">
      <div class="current-head">
        <h2 id="current-title">{t('currentArticle')}</h2>
        <VerdictHead a={a} />
      </div>
      <p class="title clamp-2" dir="auto">
        {title}
      </p>
      <Reasons a={a} max={3} />
      <CorrectButtons a={a} busy={busy} onCorrect={correct} keys={{ service: 'markThisService', promotional: 'markThisPromotional' }} />
      {acc && <AccountPart accountId={acc.id} data={data} derived={derived} ctl={ctl} duration={duration} busy={busy} />}
    </section>
  );
}

function AccountPart({ accountId, data, derived, ctl, duration, busy }: { accountId: string } & Omit<Props, 'article'>) {
  const acc = derived.byId.get(accountId)!;
  const muted = isMuted(data.prefs, acc.id, data.now);
  const pinned = !!data.prefs.pins[acc.id];
  const ratio = promoRatio(acc);
  const thin = acc.articles < data.prefs.settings.minArticles;
  return (
    <div class="current-account" data-testid="current-account" data-promo={String(acc.promo)} data-articles={String(acc.articles)} data-ads-inside={String(acc.adsInside)}>
      <div class="current-account-name">
        <span class="label">{t('currentAccountLabel')}</span>
        <button type="button" class="name-button" title={t('openAccount')} onClick={() => ctl.open({ kind: 'account', id: acc.id })}>
          <Name name={acc.name} class="clamp-1" />
        </button>
        {muted && <span class="tag muted">{t('stateMuted')}</span>}
        {pinned && <span class="tag pinned">{t('statePinned')}</span>}
      </div>
      <div class="current-figures">
        <RatioBar ratio={ratio} thin={thin} />
        <span>{tn('currentFigures', acc.articles, acc.promo, `${Math.round(ratio * 100)}%`)}</span>
        {acc.adsInside > 0 && (
          <span class="inside" title={t('adsInsideExplain')}>
            {t('adsInsideCount', acc.adsInside)}
          </span>
        )}
      </div>
      <div class="card-actions">
        {muted ? (
          <button type="button" class="secondary" disabled={busy} onClick={() => void ctl.run({ type: 'account/unmute', accountId: acc.id })}>
            {t('unmute')}
          </button>
        ) : (
          <MuteButton ctl={ctl} accountId={acc.id} name={acc.name} duration={duration} busy={busy} />
        )}
        <button
          type="button"
          class="secondary"
          data-testid="current-pin"
          aria-pressed={pinned}
          title={t('pinExplain')}
          disabled={busy}
          onClick={() => void ctl.run({ type: 'account/pin', accountId: acc.id, name: acc.name, pinned: !pinned })}
        >
          {pinned ? t('unpin') : t('pin')}
        </button>
      </div>
    </div>
  );
}
