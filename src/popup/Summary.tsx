// This week at a glance: articles seen since Monday (UTC+8) and the share that was promotional.
import type { UiData } from '../ui/actions';
import { t } from '../ui/i18n';
import type { Derived } from './controller';

export function Summary({ data, derived }: { data: UiData; derived: Derived }) {
  const { articles, promo } = derived.week;
  const share = articles ? promo / articles : 0;
  return (
    <section class="summary" data-testid="summary" data-articles={articles} data-promo={promo} aria-label={t('summaryTitle')}>
      <div class="tile">
        <span class="figure">{articles}</span>
        <span class="caption">{t('summaryArticles')}</span>
      </div>
      <div class="tile">
        <span class={`figure${share >= 0.5 ? ' promo' : ''}`}>{articles ? `${Math.round(share * 100)}%` : '–'}</span>
        <span class="caption">{t('summaryPromoShare')}</span>
      </div>
      <div class="tile">
        <span class="figure">{data.accounts.length}</span>
        <span class="caption">{t('summaryAccounts')}</span>
        {derived.muted > 0 && <span class="caption">{t('summaryAccountsMuted', derived.muted)}</span>}
      </div>
      {articles === 0 && data.accounts.length > 0 && <p class="summary-line">{t('summaryNone')}</p>}
    </section>
  );
}
