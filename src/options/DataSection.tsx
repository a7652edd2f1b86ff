// Export everything as one JSON file, import one (merging; a bad file changes nothing and says why),
// and delete everything after an explicit, typed confirmation.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Actions, UiData } from '../ui/actions';
import { t } from '../ui/i18n';
import type { Runner } from '../ui/runner';

function today(now: number): string {
  const d = new Date(now);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function DataSection({ data, runner, actions }: { data: UiData; runner: Runner; actions: Actions }) {
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const wordInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (confirming) wordInput.current?.focus();
  }, [confirming]);
  const word = t('deleteConfirmWord');

  const exportAll = async (): Promise<void> => {
    const reply = await runner.send({ type: 'data/export' });
    if (!reply) return;
    actions.saveFile(`declutter-export-${today(Date.now())}.json`, JSON.stringify(reply.file), 'application/json');
    runner.setStatus({ kind: 'ok', text: t('exported', reply.file.accounts.length, reply.file.articles.length) });
  };

  const importFile = async (file: File): Promise<void> => {
    let text: string;
    try {
      text = await file.text();
    } catch {
      runner.setStatus({ kind: 'error', text: t('importUnreadable') });
      return;
    }
    await runner.send({ type: 'data/import', text }, (r) => t('imported', r.accountsAdded, r.articlesAdded, r.correctionsAdded));
  };

  const deleteAll = async (): Promise<void> => {
    const reply = await runner.send({ type: 'data/delete-all', confirm: true }, t('deleted'));
    if (reply) {
      setConfirming(false);
      setTyped('');
    }
  };

  return (
    <section class="card" aria-labelledby="data-title">
      <h2 id="data-title">{t('dataTitle')}</h2>
      <p class="lead">{t('dataLead', data.accounts.length)}</p>
      <div class="data-row">
        <button type="button" class="secondary" data-testid="export" disabled={runner.busy} onClick={() => void exportAll()}>
          {t('exportButton')}
        </button>
        <span class="file-pick">
          <input
            id="import-file"
            ref={fileInput}
            data-testid="import"
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            disabled={runner.busy}
            onChange={(e) => {
              const el = e.currentTarget as HTMLInputElement;
              const file = el.files?.[0];
              if (file) void importFile(file).finally(() => (el.value = ''));
            }}
          />
          {/* After the input, so the input's keyboard focus can show on the label (CSS `+`). */}
          <label for="import-file" class="button secondary">
            {t('importButton')}
          </label>
        </span>
      </div>
      <p class="help">{t('importHelp')}</p>
      <div class="danger-zone">
        {!confirming ? (
          <button type="button" class="danger-outline" data-testid="delete-all" onClick={() => setConfirming(true)}>
            {t('deleteAll')}
          </button>
        ) : (
          <form
            class="confirm"
            data-testid="delete-confirm"
            onSubmit={(e) => {
              e.preventDefault();
              if (typed.trim() === word) void deleteAll();
            }}
          >
            <p role="alert">{t('deleteWarning')}</p>
            <label for="delete-word">{t('deleteTypePrompt', word)}</label>
            <input id="delete-word" data-testid="delete-word" autoComplete="off" value={typed} onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)} ref={wordInput} />
            <div class="buttons">
              <button type="submit" class="danger" data-testid="delete-confirm-button" disabled={typed.trim() !== word || runner.busy}>
                {t('deleteConfirm')}
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setConfirming(false);
                  setTyped('');
                }}
              >
                {t('cancel')}
              </button>
            </div>
          </form>
        )}
      </div>
    </section>
  );
}
