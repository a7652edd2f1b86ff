// Small inline SVG charts: the promo-ratio bar and the 8-week trend sparkline (no chart library).
import type { weeklyTrend } from '../core/tally';
import { t } from './i18n';
import { sparklinePath } from './model';

/** The promo ratio as a bar; `thin` evidence (fewer articles than a suggestion needs) is drawn muted. */
export function RatioBar({ ratio, thin }: { ratio: number; thin: boolean }) {
  const pct = Math.round(ratio * 100);
  return (
    <span class={`ratio-bar${thin ? ' thin' : ''}`} aria-hidden="true">
      <span class="ratio-fill" style={{ width: `${pct}%` }} />
    </span>
  );
}

export function Sparkline({ trend, width = 64, height = 20, label }: { trend: ReturnType<typeof weeklyTrend>; width?: number; height?: number; label?: string }) {
  const d = sparklinePath(trend, width, height);
  return (
    <svg class="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : 'true'}>
      {d && <path d={d} class="spark-line" />}
    </svg>
  );
}

/** Words for a trend, for screen readers and tooltips: each week's share, oldest first. */
export function trendLabel(trend: ReturnType<typeof weeklyTrend>): string {
  const weeks = trend.map((w) => (w.ratio === null ? '–' : `${Math.round(w.ratio * 100)}%`)).join(', ');
  return t('trendLabel', trend.length, weeks);
}
