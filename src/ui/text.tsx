// Page-derived text (account names, titles) enters the UI only here: as text nodes inside <bdi>, so
// markup stays text, bidi overrides cannot flip the surrounding UI, and long names are cut and clamped.
import type { ComponentChildren } from 'preact';
import { messageParts, t } from './i18n';
import { displayName } from './model';

export function Name({ name, max = 120, class: cls = '' }: { name: string; max?: number; class?: string }) {
  const shown = displayName(name, max);
  return (
    <bdi class={`name ${cls}`.trim()} dir="auto">
      {shown || t('noName')}
    </bdi>
  );
}

/** A message whose `$1`… are nodes (names in <bdi>), never strings glued into the sentence. */
export function Msg({ k, args }: { k: string; args: ComponentChildren[] }) {
  const parts = messageParts(k, args.length);
  return <>{parts.map((p) => (typeof p === 'number' ? args[p] : p))}</>;
}
