// The last reversible action and its Undo, shown for as long as `storage.local` holds the record
// (the popup closes whenever the reader clicks a page, and must still offer undo when reopened).
import type { UndoRecord } from '../messages';
import { t } from './i18n';
import { Msg, Name } from './text';

export function UndoBar({ undo, onUndo, busy }: { undo: UndoRecord; onUndo: () => void; busy: boolean }) {
  return (
    <div class="undo-bar" data-testid="undo-bar" data-action={undo.action}>
      <span class="undo-text">
        <Msg k={`undo_${undo.action}`} args={[<Name name={undo.name} max={40} />]} />
      </span>
      <button type="button" class="undo-button" data-testid="undo" onClick={onUndo} disabled={busy}>
        {t('undo')}
      </button>
    </div>
  );
}
