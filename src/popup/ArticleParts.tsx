// What the popup says about one article, the same in the current-article card and an account's
// list: its verdict, the reasons behind it with its pitch segments among them, and the correction.
import type { Label, PitchSegment } from '../core/article';
import type { ArticleRecord } from '../core/records';
import { effectiveLabel, isAdsInside, talliedAs } from '../core/tally';
import { cueLabel, isChinese, t, tn } from '../ui/i18n';
import { displayName } from '../ui/model';

/** Pitch segments shown per article; the rest are summed up in one line. */
const SEGMENTS_SHOWN = 2;

/** "Paragraphs 10–14 sell · 31% of the text": `start` and `end` are 0-based body lines, readers count from 1. */
export function segmentText(s: PitchSegment): string {
  const share = `${Math.max(1, Math.round(s.share * 100))}%`;
  return s.start === s.end ? t('pitchSegmentOne', s.start + 1, share) : t('pitchSegment', s.start + 1, s.end + 1, share);
}

export function VerdictHead({ a }: { a: ArticleRecord }) {
  const label = effectiveLabel(a);
  return (
    <>
      <span class={`verdict ${label}`}>{label === 'promotional' ? t('verdictPromotional') : t('verdictService')}</span>
      {isAdsInside(talliedAs(a)) && (
        <span class="verdict inside" title={t('adsInsideExplain')}>
          {t('adsInside')}
        </span>
      )}
      {a.userLabel !== null ? (
        <span class="by-you" title={t('correctedExplain', a.model.label === 'promotional' ? t('verdictPromotional') : t('verdictService'))}>
          {t('correctedByYou')}
        </span>
      ) : (
        <span class="score" title={t('scoreExplain')}>
          {t('promoScore', `${Math.round(a.model.promoScore * 100)}%`)}
        </span>
      )}
    </>
  );
}

/** The model's reasons (deciding ones first), then where the article sells. Words are page text. */
export function Reasons({ a, max = 4 }: { a: ArticleRecord; max?: number }) {
  const sep = isChinese() ? '、' : ', ';
  const segments = a.model.segments;
  if (a.model.reasons.length === 0 && segments.length === 0) return a.pruned ? null : <p class="no-reasons">{t('noReasons')}</p>;
  return (
    <ul class="reasons" aria-label={t('reasonsLabel')}>
      {a.model.reasons.slice(0, max).map((r, i) => (
        <li key={`${r.cue}-${i}`} class={r.weight >= 0 ? 'toward-promo' : 'toward-service'}>
          <span class="cue">{cueLabel(r.cue)}</span>
          {r.words.length > 0 && (
            <bdi class="words" dir="auto">
              {r.words.slice(0, 3).map((w) => displayName(w, 40)).join(sep)}
            </bdi>
          )}
        </li>
      ))}
      {segments.slice(0, SEGMENTS_SHOWN).map((s) => (
        <li key={`seg-${s.start}`} class="pitch" data-testid="pitch-segment">
          <span class="cue">{segmentText(s)}</span>
        </li>
      ))}
      {segments.length > SEGMENTS_SHOWN && (
        <li class="pitch">
          <span class="cue">{tn('pitchMore', segments.length - SEGMENTS_SHOWN)}</span>
        </li>
      )}
    </ul>
  );
}

/**
 * The reader's correction: each button states a label and stays pressed while it is the reader's;
 * pressing it again hands the call back to the model.
 */
export function CorrectButtons({
  a,
  busy,
  onCorrect,
  keys,
}: {
  a: ArticleRecord;
  busy: boolean;
  onCorrect: (label: Label | null) => void;
  keys: { service: string; promotional: string };
}) {
  return (
    <div class="correct" role="group" aria-label={t('correctLabel')}>
      {(['service', 'promotional'] as const).map((label) => (
        <button
          key={label}
          type="button"
          class="chip"
          data-testid={`mark-${label}`}
          aria-pressed={a.userLabel === label}
          disabled={busy}
          onClick={() => onCorrect(a.userLabel === label ? null : label)}
        >
          {t(keys[label])}
        </button>
      ))}
      {a.userLabel !== null && (
        <button type="button" class="chip quiet" disabled={busy} onClick={() => onCorrect(null)}>
          {t('resetToModel')}
        </button>
      )}
    </div>
  );
}
