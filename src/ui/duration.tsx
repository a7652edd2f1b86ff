// The mute duration: one choice for every Mute button, remembered, so the common case stays one click.
import { useState } from 'preact/hooks';
import type { MuteDuration } from '../core/prefs';
import { t } from './i18n';

export const DURATIONS: readonly MuteDuration[] = ['7d', '30d', 'never'];
const KEY = 'declutter:muteDuration';
/** A month: long enough to matter, short enough that an account that changes its ways comes back. */
export const DEFAULT_DURATION: MuteDuration = '30d';

function remembered(): MuteDuration {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return DURATIONS.includes(v as MuteDuration) ? (v as MuteDuration) : DEFAULT_DURATION;
  } catch {
    return DEFAULT_DURATION;
  }
}

export function useMuteDuration(): [MuteDuration, (d: MuteDuration) => void] {
  const [duration, setDuration] = useState<MuteDuration>(remembered);
  return [
    duration,
    (d) => {
      setDuration(d);
      try {
        globalThis.localStorage?.setItem(KEY, d);
      } catch {
        // Private windows may refuse storage; the choice then lasts for this page only.
      }
    },
  ];
}

export function DurationSelect({ value, onChange, id, label = t('muteDuration') }: { value: MuteDuration; onChange: (d: MuteDuration) => void; id: string; label?: string }) {
  return (
    <span class="duration">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as MuteDuration)}>
        {DURATIONS.map((d) => (
          <option key={d} value={d}>
            {t(`duration_${d}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
