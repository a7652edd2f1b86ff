// The one-click Mute button, the same in a suggestion card and an account's detail: the duration is
// chosen beside it, and `data-testid="mute-button"` is part of the test contract.
import type { MuteDuration } from '../core/prefs';
import { displayName } from '../ui/model';
import { t } from '../ui/i18n';
import type { Controller } from './controller';

export function MuteButton({ ctl, accountId, name, duration, busy }: { ctl: Controller; accountId: string; name: string; duration: MuteDuration; busy: boolean }) {
  return (
    <button
      type="button"
      class="primary"
      data-testid="mute-button"
      disabled={busy}
      aria-label={t('muteAria', displayName(name, 40), t(`duration_${duration}`))}
      onClick={() => void ctl.run({ type: 'account/mute', accountId, name, duration })}
    >
      {t(`mute_${duration}`)}
    </button>
  );
}
