// Pinned accounts (never suggested) and muted accounts with their expiry: unpin, unmute, or mute
// again for another length of time. Names come from the prefs, so synced choices show here too.
import { isMuted, type MuteDuration } from '../core/prefs';
import type { UiData } from '../ui/actions';
import { DURATIONS } from '../ui/duration';
import { t } from '../ui/i18n';
import { displayName } from '../ui/model';
import type { Runner } from '../ui/runner';
import { Name } from '../ui/text';
import { shortDate } from '../ui/time';

function nameOf(data: UiData, id: string, fallback: string): string {
  return data.accounts.find((a) => a.id === id)?.name ?? fallback;
}

export function PinnedSection({ data, runner }: { data: UiData; runner: Runner }) {
  const pins = Object.entries(data.prefs.pins).sort((a, b) => b[1].since - a[1].since);
  return (
    <section class="card" aria-labelledby="pins-title">
      <h2 id="pins-title">
        {t('pinsTitle')}
        <span class="count">{pins.length}</span>
      </h2>
      <p class="lead">{t('pinsLead')}</p>
      {pins.length === 0 ? (
        <p class="empty">{t('pinsNone')}</p>
      ) : (
        <ul class="pref-list" data-testid="pins">
          {pins.map(([id, pin]) => {
            const name = nameOf(data, id, pin.name);
            return (
              <li key={id} data-testid="pin-row" data-account-id={id}>
                <span class="pref-name">
                  <Name name={name} class="clamp-2" />
                  <span class="meta">{t('pinnedSince', shortDate(pin.since))}</span>
                </span>
                <button
                  type="button"
                  class="secondary"
                  disabled={runner.busy}
                  aria-label={t('unpinAria', displayName(name, 40))}
                  onClick={() => void runner.send({ type: 'account/pin', accountId: id, name, pinned: false })}
                >
                  {t('unpin')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function MutedSection({ data, runner }: { data: UiData; runner: Runner }) {
  const mutes = Object.entries(data.prefs.mutes).sort((a, b) => b[1].since - a[1].since);
  return (
    <section class="card" aria-labelledby="mutes-title">
      <h2 id="mutes-title">
        {t('mutesTitle')}
        <span class="count">{mutes.length}</span>
      </h2>
      <p class="lead">{t('mutesLead')}</p>
      {mutes.length === 0 ? (
        <p class="empty">{t('mutesNone')}</p>
      ) : (
        <ul class="pref-list" data-testid="mutes">
          {mutes.map(([id, mute]) => {
            const name = nameOf(data, id, mute.name);
            const active = isMuted(data.prefs, id, data.now);
            const short = displayName(name, 40);
            const expiry = mute.until === null ? t('mutedForever') : active ? t('mutedUntil', shortDate(mute.until)) : t('muteExpired', shortDate(mute.until));
            return (
              <li key={id} data-testid="mute-row" data-account-id={id} data-active={String(active)}>
                <span class="pref-name">
                  <Name name={name} class="clamp-2" />
                  <span class={`meta${active ? '' : ' expired'}`}>{expiry}</span>
                </span>
                <span class="pref-actions">
                  <label class="visually-hidden" for={`expiry-${id}`}>
                    {t('changeExpiryAria', short)}
                  </label>
                  <select
                    id={`expiry-${id}`}
                    data-testid="expiry-select"
                    value=""
                    disabled={runner.busy}
                    onChange={(e) => {
                      const el = e.currentTarget as HTMLSelectElement;
                      const duration = el.value as MuteDuration;
                      el.value = '';
                      if (DURATIONS.includes(duration)) void runner.send({ type: 'account/mute', accountId: id, name, duration });
                    }}
                  >
                    <option value="" disabled>
                      {t('changeExpiry')}
                    </option>
                    {DURATIONS.map((d) => (
                      <option key={d} value={d}>
                        {t(`expiryFromNow_${d}`)}
                      </option>
                    ))}
                  </select>
                  <button type="button" class="secondary" disabled={runner.busy} aria-label={t('unmuteAria', short)} onClick={() => void runner.send({ type: 'account/unmute', accountId: id })}>
                    {t('unmute')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
