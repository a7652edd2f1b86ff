// How article pages show the pitch segments inside them: marked in the margin, folded to one line,
// or not at all. One choice, saved as soon as it is made; open article pages follow it at once.
import { useState } from 'preact/hooks';
import { PITCH_DISPLAYS, type PitchDisplay } from '../core/prefs';
import type { UiData } from '../ui/actions';
import { t } from '../ui/i18n';
import type { Runner } from '../ui/runner';

export function PitchDisplaySection({ data, runner }: { data: UiData; runner: Runner }) {
  // The choice shows at once, before the save round trip ends (and reverts if the save fails).
  const [pending, setPending] = useState<PitchDisplay | null>(null);
  const current = pending ?? data.prefs.settings.pitchDisplay;
  const choose = (mode: PitchDisplay): void => {
    if (mode === current || runner.busy) return;
    setPending(mode);
    void runner.send({ type: 'settings/update', settings: { pitchDisplay: mode } }, t('pitchDisplaySaved')).finally(() => setPending(null));
  };
  return (
    <section class="card" aria-labelledby="pitch-title">
      <h2 id="pitch-title">{t('pitchDisplayTitle')}</h2>
      <p class="lead">{t('pitchDisplayLead')}</p>
      <fieldset class="choices" data-testid="pitch-display" data-value={data.prefs.settings.pitchDisplay}>
        <legend class="visually-hidden">{t('pitchDisplayTitle')}</legend>
        {PITCH_DISPLAYS.map((mode) => (
          <label class={`choice${mode === current ? ' chosen' : ''}`} key={mode}>
            <input type="radio" name="pitch-display" value={mode} checked={mode === current} onChange={() => choose(mode)} />
            <span class="choice-text">
              <span class="choice-name">{t(`pitchDisplay_${mode}`)}</span>
              <span class="help">{t(`pitchDisplayHelp_${mode}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
