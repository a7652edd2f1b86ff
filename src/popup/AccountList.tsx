// Every account: name, articles seen, promo ratio as a bar, the 8-week trend and its state; sorted,
// searchable, rendered a page at a time so 2,000 accounts cost no more than 100 on first render.
import { useMemo } from 'preact/hooks';
import { isMuted } from '../core/prefs';
import type { AccountRecord } from '../core/records';
import { followState } from '../core/suggest';
import { weeklyTrend } from '../core/tally';
import type { UiData } from '../ui/actions';
import { RatioBar, Sparkline } from '../ui/charts';
import { t, tn, uiLanguage } from '../ui/i18n';
import { SearchIcon } from '../ui/icons';
import { promoRatio, searchAccounts, SORT_KEYS, sortAccounts, type SortKey } from '../ui/model';
import { Name } from '../ui/text';
import { relativeDay } from '../ui/time';
import type { Controller } from './controller';

export const PAGE = 100;
/**
 * Rows in the very first frame: more than fit above the fold of a 600 px popup with no suggestions
 * (with suggestions the list starts below it). Each row costs first-frame time (`npm run bench`).
 */
export const FIRST_FRAME_ROWS = 10;

interface Props {
  data: UiData;
  ctl: Controller;
  query: string;
  setQuery: (q: string) => void;
  sort: SortKey;
  setSort: (s: SortKey) => void;
  shown: number;
  setShown: (n: number | ((n: number) => number)) => void;
}

export function AccountList({ data, ctl, query, setQuery, sort, setSort, shown, setShown }: Props) {
  const lang = uiLanguage();
  const sorted = useMemo(() => sortAccounts(data.accounts, sort, lang), [data.accounts, sort, lang]);
  const found = useMemo(() => searchAccounts(sorted, query), [sorted, query]);
  const visible = found.slice(0, shown);
  return (
    <section class="accounts" aria-labelledby="accounts-title">
      <div class="section-head">
        <h2 id="accounts-title">
          {t('accountsTitle')}
          <span class="count">{data.accounts.length}</span>
        </h2>
      </div>
      <div class="tools">
        <span class="search">
          <SearchIcon />
          <input
            type="search"
            data-testid="search"
            aria-label={t('searchLabel')}
            placeholder={t('searchPlaceholder')}
            value={query}
            onInput={(e) => {
              setQuery((e.currentTarget as HTMLInputElement).value);
              setShown(PAGE);
            }}
          />
        </span>
        <span class="sort">
          <label for="sort">{t('sortLabel')}</label>
          <select
            id="sort"
            data-testid="sort"
            value={sort}
            onChange={(e) => {
              setSort((e.currentTarget as HTMLSelectElement).value as SortKey);
              setShown(PAGE);
            }}
          >
            {SORT_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`sort_${k}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
      {found.length === 0 ? (
        <p class="empty">{t('searchNone')}</p>
      ) : (
        <ul class="rows">
          {visible.map((acc) => (
            <AccountRow key={acc.id} acc={acc} data={data} ctl={ctl} />
          ))}
        </ul>
      )}
      {found.length > visible.length && (
        <button type="button" class="secondary wide" data-testid="show-more" onClick={() => setShown(shown + PAGE)}>
          {t('showMore', found.length - visible.length)}
        </button>
      )}
    </section>
  );
}

function AccountRow({ acc, data, ctl }: { acc: AccountRecord; data: UiData; ctl: Controller }) {
  const ratio = promoRatio(acc);
  const muted = isMuted(data.prefs, acc.id, data.now);
  const pinned = !!data.prefs.pins[acc.id];
  const follow = followState(acc, data.prefs);
  const thin = acc.articles < data.prefs.settings.minArticles;
  const pct = `${Math.round(ratio * 100)}%`;
  return (
    <li
      class="row"
      data-testid="account-row"
      data-account-id={acc.id}
      data-account-name={acc.name}
      data-promo-ratio={String(ratio)}
      data-articles={String(acc.articles)}
      data-promo={String(acc.promo)}
      data-ads-inside={String(acc.adsInside)}
      data-muted={String(muted)}
      data-pinned={String(pinned)}
      data-follow={follow}
    >
      <button type="button" class="row-button" onClick={() => ctl.open({ kind: 'account', id: acc.id })}>
        <span class="row-top">
          <Name name={acc.name} class="clamp-1" />
          {muted && <span class="tag muted">{t('stateMuted')}</span>}
          {pinned && <span class="tag pinned">{t('statePinned')}</span>}
          {follow !== 'following' && <span class={`tag ${follow}`}>{follow === 'unfollowed' ? t('stateUnfollowed') : t('stateFollowedAgain')}</span>}
        </span>
        <span class="row-bottom">
          <RatioBar ratio={ratio} thin={thin} />
          <span class={`pct${thin ? ' thin' : ''}`} title={thin ? t('thinEvidence') : undefined}>
            {t('promoPct', pct)}
          </span>
          {acc.adsInside > 0 && (
            <span class="inside" title={t('adsInsideExplain')}>
              {t('adsInsideShort', acc.adsInside)}
            </span>
          )}
          <Sparkline trend={weeklyTrend(acc, data.now)} />
          <span class="meta">
            {tn('articlesCount', acc.articles)} · {relativeDay(acc.lastSeenAt, data.now)}
          </span>
        </span>
      </button>
    </li>
  );
}
