// The evidence a suggestion needs, with what each number means and how many accounts the draft
// would suggest, so the reader sees the effect before saving.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../core/prefs';
import { suggestMutes } from '../core/suggest';
import { promoLowerBound } from '../core/tally';
import type { UiData } from '../ui/actions';
import { t } from '../ui/i18n';
import type { Runner } from '../ui/runner';

type Field = 'minArticles' | 'muteBound' | 'unfollowMinArticles' | 'unfollowBound';
type Thresholds = Pick<Settings, Field>;
interface FieldDef {
  key: Field;
  /** Bounds are edited as percentages, counts as whole numbers. */
  percent: boolean;
  min: number;
  max: number;
}

const FIELDS: readonly FieldDef[] = [
  { key: 'minArticles', percent: false, min: 1, max: 100 },
  { key: 'muteBound', percent: true, min: 0, max: 100 },
  { key: 'unfollowMinArticles', percent: false, min: 1, max: 200 },
  { key: 'unfollowBound', percent: true, min: 0, max: 100 },
];

type Draft = Record<Field, string>;

const toDraft = (s: Thresholds): Draft => ({
  minArticles: String(s.minArticles),
  muteBound: String(Math.round(s.muteBound * 100)),
  unfollowMinArticles: String(s.unfollowMinArticles),
  unfollowBound: String(Math.round(s.unfollowBound * 100)),
});

/** The draft as settings, or the first field that is not a whole number in its range. */
export function parseDraft(d: Draft): { ok: true; settings: Thresholds } | { ok: false; field: Field } {
  const out: Partial<Thresholds> = {};
  for (const f of FIELDS) {
    const raw = d[f.key].trim();
    const n = Number(raw);
    if (!raw || !Number.isInteger(n) || n < f.min || n > f.max) return { ok: false, field: f.key };
    out[f.key] = f.percent ? n / 100 : n;
  }
  return { ok: true, settings: out as Thresholds };
}

export function Thresholds({ data, runner }: { data: UiData; runner: Runner }) {
  const { minArticles, muteBound, unfollowMinArticles, unfollowBound } = data.prefs.settings;
  const saved: Thresholds = { minArticles, muteBound, unfollowMinArticles, unfollowBound };
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved));
  // Settings changed elsewhere (another browser through sync) replace an untouched draft.
  const savedKey = JSON.stringify(saved);
  const [base, setBase] = useState(savedKey);
  useEffect(() => {
    if (savedKey !== base) {
      setDraft(toDraft(saved));
      setBase(savedKey);
    }
  }, [savedKey]);
  const parsed = parseDraft(draft);
  const preview = useMemo(() => {
    if (!parsed.ok) return null;
    const s = suggestMutes(data.accounts, { ...data.prefs, settings: { ...data.prefs.settings, ...parsed.settings } }, data.now);
    return { mute: s.filter((x) => x.action === 'mute').length, unfollow: s.filter((x) => x.action === 'unfollow').length };
  }, [data, JSON.stringify(draft)]);
  const dirty = parsed.ok && JSON.stringify(parsed.settings) !== JSON.stringify(saved);
  const example = (n: number): string => `${Math.round(promoLowerBound(n, n) * 100)}%`;

  const save = (e: Event): void => {
    e.preventDefault();
    if (!parsed.ok) return;
    void runner.send({ type: 'settings/update', settings: parsed.settings }, t('thresholdsSaved'));
  };

  return (
    <section class="card" aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">{t('thresholdsTitle')}</h2>
      <p class="lead">{t('thresholdsLead', example(5), example(20))}</p>
      <form onSubmit={save} data-testid="thresholds" noValidate>
        {FIELDS.map((f) => {
          const invalid = !parsed.ok && parsed.field === f.key;
          return (
            <div class={`field${invalid ? ' invalid' : ''}`} key={f.key}>
              <label for={`set-${f.key}`}>{t(`setting_${f.key}`)}</label>
              <span class="input-unit">
                <input
                  id={`set-${f.key}`}
                  name={f.key}
                  type="number"
                  inputMode="numeric"
                  min={f.min}
                  max={f.max}
                  step={1}
                  value={draft[f.key]}
                  aria-invalid={invalid}
                  aria-describedby={`help-${f.key}`}
                  onInput={(e) => setDraft({ ...draft, [f.key]: (e.currentTarget as HTMLInputElement).value })}
                />
                <span class="unit">{f.percent ? '%' : t('unitArticles')}</span>
              </span>
              <p class="help" id={`help-${f.key}`}>
                {invalid ? t('settingInvalid', f.min, f.max) : t(`settingHelp_${f.key}`)}
              </p>
            </div>
          );
        })}
        <p class="preview" data-testid="thresholds-preview" aria-live="polite">
          {preview ? t('thresholdsPreview', preview.mute, preview.unfollow) : ''}
        </p>
        <div class="buttons">
          <button type="submit" class="primary" disabled={!dirty || runner.busy}>
            {t('save')}
          </button>
          <button type="button" class="secondary" onClick={() => setDraft(toDraft(DEFAULT_SETTINGS))}>
            {t('resetDefaults')}
          </button>
        </div>
      </form>
    </section>
  );
}
