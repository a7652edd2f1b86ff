// The options page: suggestion thresholds, how pitch segments show in articles, pinned and muted
// accounts, export / import / delete of all data, and what stays on the device. Reads through
// Actions; every change goes to the worker.
import type { Actions } from '../ui/actions';
import { t } from '../ui/i18n';
import { useRunner } from '../ui/runner';
import { UndoBar } from '../ui/undo-bar';
import { useData } from '../ui/use-data';
import { DataSection } from './DataSection';
import { MutedSection, PinnedSection } from './AccountLists';
import { PitchDisplaySection } from './PitchDisplaySection';
import { Thresholds } from './Thresholds';

export function Options({ actions }: { actions: Actions }) {
  const { data, error, reload } = useData(actions);
  const runner = useRunner(actions, reload);
  return (
    <div class="options" data-state={data ? 'ready' : error ? 'error' : 'loading'}>
      <header class="page-head">
        <h1>{t('extName')}</h1>
        <p class="subtitle">{t('optionsTitle')}</p>
      </header>
      {!data ? (
        <p class={error ? 'status error' : 'loading'} role={error ? 'alert' : undefined}>
          {error ? t('errorLoad', error) : t('loading')}
        </p>
      ) : (
        <main>
          <Thresholds data={data} runner={runner} />
          <PitchDisplaySection data={data} runner={runner} />
          <PinnedSection data={data} runner={runner} />
          <MutedSection data={data} runner={runner} />
          <DataSection data={data} runner={runner} actions={actions} />
          <section class="card privacy" aria-labelledby="privacy-title">
            <h2 id="privacy-title">{t('privacyTitle')}</h2>
            <p>{t('privacyLocal')}</p>
            <p>{t('privacySync')}</p>
          </section>
        </main>
      )}
      <div class="dock">
        <div class="status-line" role="status" aria-live="polite">
          {runner.status && <p class={`status ${runner.status.kind}`}>{runner.status.text}</p>}
        </div>
        {data?.undo && <UndoBar undo={data.undo} onUndo={() => void runner.send({ type: 'undo' }, t('undone'))} busy={runner.busy} />}
      </div>
    </div>
  );
}
