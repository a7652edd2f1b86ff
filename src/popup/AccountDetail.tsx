// One account: its tallies and trend, mute / pin, and its recent articles with the verdict and the
// reasons behind it. The reader can correct a verdict; the correction beats the model and the tallies follow.
import { useEffect, useState } from 'preact/hooks';
import type { Label } from '../core/article';
import { isMuted, type MuteDuration } from '../core/prefs';
import type { AccountRecord, ArticleRecord } from '../core/records';
import { followState } from '../core/suggest';
import { effectiveLabel, isAdsInside, promoLowerBound, talliedAs, weeklyTrend } from '../core/tally';
import type { UiData } from '../ui/actions';
import { Sparkline, trendLabel } from '../ui/charts';
import { DurationSelect } from '../ui/duration';
import { t } from '../ui/i18n';
import { BackIcon } from '../ui/icons';
import { articleLink, displayName, promoRatio } from '../ui/model';
import { Name } from '../ui/text';
import { relativeDay, shortDate } from '../ui/time';
import { CorrectButtons, Reasons, VerdictHead } from './ArticleParts';
import { MuteButton } from './MuteButton';
import type { Controller } from './controller';

interface Props {
  accountId: string;
  account: AccountRecord | undefined;
  data: UiData;
  ctl: Controller;
  duration: MuteDuration;
  setDuration: (d: MuteDuration) => void;
  busy: boolean;
}

export function BackButton({ ctl }: { ctl: Controller }) {
  return (
    <button type="button" class="icon-button back" data-view-focus aria-label={t('back')} title={t('back')} onClick={() => ctl.open({ kind: 'main' })}>
      <BackIcon />
    </button>
  );
}

export function AccountDetail({ accountId, account, data, ctl, duration, setDuration, busy }: Props) {
  const [articles, setArticles] = useState<ArticleRecord[] | null>(null);
  useEffect(() => {
    let alive = true;
    ctl.actions.accountArticles(accountId, 30).then(
      (list) => alive && setArticles(list),
      () => alive && setArticles([]),
    );
    return () => {
      alive = false;
    };
    // The account record changes whenever its articles do (a new sighting, a correction).
  }, [accountId, account]);

  if (!account) {
    return (
      <div class="view detail">
        <header class="sub">
          <BackButton ctl={ctl} />
        </header>
        <p class="empty">{t('accountGone')}</p>
      </div>
    );
  }

  const mute = data.prefs.mutes[account.id];
  const muted = isMuted(data.prefs, account.id, data.now);
  const pinned = !!data.prefs.pins[account.id];
  const follow = followState(account, data.prefs);
  const trend = weeklyTrend(account, data.now);
  const bound = promoLowerBound(account.promo, account.articles);
  return (
    <div class="view detail" data-testid="account-detail" data-account-id={account.id}>
      <header class="sub">
        <BackButton ctl={ctl} />
        <h2 class="detail-name">
          <Name name={account.name} max={300} class="clamp-3" />
        </h2>
      </header>
      <div class="detail-body">
        <div class="stats">
          <div>
            <span class="figure">{account.articles}</span>
            <span class="caption">{t('detailArticles')}</span>
          </div>
          <div>
            <span class="figure">{`${Math.round(promoRatio(account) * 100)}%`}</span>
            <span class="caption">{t('detailPromo', account.promo)}</span>
            {account.adsInside > 0 && (
              <span class="caption inside" data-testid="detail-ads-inside" title={t('adsInsideExplain')}>
                {t('adsInsideCount', account.adsInside)}
              </span>
            )}
          </div>
          <div title={t('boundExplain')}>
            <span class="figure">{`${Math.round(bound * 100)}%`}</span>
            <span class="caption">{t('detailBound')}</span>
          </div>
          <div class="trend">
            <Sparkline trend={trend} width={96} height={30} label={trendLabel(trend)} />
            <span class="caption">{t('detailTrend')}</span>
          </div>
        </div>
        <p class="states">
          {muted && mute && <span class="tag muted">{mute.until === null ? t('mutedForever') : t('mutedUntil', shortDate(mute.until))}</span>}
          {pinned && <span class="tag pinned">{t('statePinned')}</span>}
          {follow !== 'following' && <span class={`tag ${follow}`}>{follow === 'unfollowed' ? t('stateUnfollowed') : t('stateFollowedAgain')}</span>}
          <span class="seen">{t('lastSeen', relativeDay(account.lastSeenAt, data.now))}</span>
        </p>
        <div class="detail-actions">
          {muted ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => void ctl.run({ type: 'account/unmute', accountId: account.id })}>
              {t('unmute')}
            </button>
          ) : (
            <span class="mute-group">
              <MuteButton ctl={ctl} accountId={account.id} name={account.name} duration={duration} busy={busy} />
              <DurationSelect id="detail-duration" value={duration} onChange={setDuration} label={t('muteDurationShort')} />
            </span>
          )}
          <button
            type="button"
            class="secondary"
            aria-pressed={pinned}
            title={t('pinExplain')}
            disabled={busy}
            onClick={() => void ctl.run({ type: 'account/pin', accountId: account.id, name: account.name, pinned: !pinned })}
          >
            {pinned ? t('unpin') : t('pin')}
          </button>
          <button type="button" class="secondary" onClick={() => ctl.open({ kind: 'unfollow', id: account.id })}>
            {t('unfollowGuide')}
          </button>
        </div>
        <h3>{t('recentArticles')}</h3>
        {articles === null ? (
          <p class="loading">{t('loading')}</p>
        ) : articles.length === 0 ? (
          <p class="empty">{t('noArticles')}</p>
        ) : (
          <ul class="articles">
            {articles.map((a) => (
              <ArticleItem key={a.key} a={a} data={data} ctl={ctl} busy={busy} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function ArticleItem({ a, data, ctl, busy }: { a: ArticleRecord; data: UiData; ctl: Controller; busy: boolean }) {
  const label = effectiveLabel(a);
  const href = articleLink(a.url);
  const title = a.title.trim() ? displayName(a.title, 300) : a.pruned ? t('titlePruned') : t('titleNone');
  const correct = (to: Label | null): void => void ctl.run({ type: 'article/correct', key: a.key, label: to });
  return (
    <li class="article" data-testid="article" data-key={a.key} data-label={label} data-corrected={String(a.userLabel !== null)} data-ads-inside={String(isAdsInside(talliedAs(a)))}>
      <div class="article-head">
        <VerdictHead a={a} />
        <span class="seen">{relativeDay(a.firstSeenAt, data.now)}</span>
      </div>
      {href ? (
        <a class="title clamp-2" href={href} target="_blank" rel="noreferrer noopener" dir="auto">
          {title}
        </a>
      ) : (
        <span class="title clamp-2" dir="auto">
          {title}
        </span>
      )}
      <Reasons a={a} />
      <CorrectButtons a={a} busy={busy} onCorrect={correct} keys={{ service: 'markService', promotional: 'markPromotional' }} />
    </li>
  );
}
