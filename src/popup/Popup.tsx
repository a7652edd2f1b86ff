// The popup: the article open in its tab, this week's summary, mute and unfollow suggestions, every
// account, an account's articles, and the unfollow guide. Reads through Actions; every change is a
// request to the worker.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Actions } from '../ui/actions';
import { useMuteDuration } from '../ui/duration';
import { t } from '../ui/i18n';
import { SettingsIcon } from '../ui/icons';
import type { SortKey } from '../ui/model';
import { UndoBar } from '../ui/undo-bar';
import { useRunner } from '../ui/runner';
import { useData } from '../ui/use-data';
import { AccountDetail } from './AccountDetail';
import { AccountList, FIRST_FRAME_ROWS, PAGE } from './AccountList';
import { derive, type Controller, type View } from './controller';
import { CurrentArticle, useCurrentArticle } from './CurrentArticle';
import { Suggestions } from './Suggestions';
import { Summary } from './Summary';
import { UnfollowGuide } from './UnfollowGuide';

export function Popup({ actions }: { actions: Actions }) {
  const { data, fresh, error, reload } = useData(actions, { instant: true });
  const [view, setView] = useState<View>({ kind: 'main' });
  const [duration, setDuration] = useMuteDuration();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('ratio');
  // The first frame draws the rows above the fold; the rest of the first page follows a frame later.
  const [shown, setShown] = useState(FIRST_FRAME_ROWS);
  const mainScroll = useRef(0);
  const returnFocus = useRef<HTMLElement | null>(null);
  const derived = useMemo(() => (data ? derive(data) : null), [data]);
  const current = useCurrentArticle(actions, data);

  const runner = useRunner(actions, reload);
  const { busy, status, setStatus } = runner;
  const ctl: Controller = {
    actions,
    async run(request, done) {
      return (await runner.send(request, done)) !== null;
    },
    open(next) {
      if (view.kind === 'main' && next.kind !== 'main') {
        mainScroll.current = window.scrollY;
        returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      }
      setStatus(null);
      setView(next);
    },
    setStatus,
  };

  // Moving between views keeps the keyboard where the reader was: into the new view, and back to
  // the control that opened it (the main view stays mounted while hidden, so that control still exists).
  useEffect(() => {
    if (view.kind !== 'main') {
      window.scrollTo(0, 0);
      document.querySelector<HTMLElement>('[data-view-focus]')?.focus();
      return;
    }
    window.scrollTo(0, mainScroll.current);
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back?.isConnected) back.focus();
  }, [view]);

  useEffect(() => {
    if (!data || shown >= PAGE) return;
    const id = requestAnimationFrame(() => setShown((n) => Math.max(n, PAGE)));
    return () => cancelAnimationFrame(id);
  }, [data !== null]);

  // Escape leaves an account or the guide (inside a browser popup it may also close the popup).
  useEffect(() => {
    if (view.kind === 'main') return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      setStatus(null);
      setView({ kind: 'main' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view.kind]);

  // Timings for `npm run bench`: the first rows (possibly from the snapshot), and the first fresh data.
  useEffect(() => {
    if (data) markOnce('declutter:popup-first-rows');
  }, [data !== null]);
  useEffect(() => {
    if (fresh) markOnce('declutter:popup-ready');
  }, [fresh]);

  // An action that removed the focused control (a muted suggestion) hands focus to Undo.
  useEffect(() => {
    if (data?.undo && (document.activeElement === document.body || !document.activeElement)) {
      document.querySelector<HTMLElement>('[data-testid="undo"]')?.focus();
    }
  }, [data?.undo?.at]);

  const undo = async (): Promise<void> => {
    await ctl.run({ type: 'undo' }, t('undone'));
  };

  if (!data || !derived) {
    return (
      <div class="popup" data-state={error ? 'error' : 'loading'}>
        <Header actions={actions} />
        <p class={error ? 'status error' : 'loading'} role={error ? 'alert' : undefined}>
          {error ? t('errorLoad', error) : t('loading')}
        </p>
      </div>
    );
  }

  const account = view.kind === 'account' ? derived.byId.get(view.id) : undefined;
  return (
    <div class="popup" data-state={fresh ? 'ready' : 'cached'} data-view={view.kind}>
      <div hidden={view.kind !== 'main'}>
        <Header actions={actions} />
        <main>
          {current && <CurrentArticle article={current} data={data} derived={derived} ctl={ctl} duration={duration} busy={busy} />}
          <Summary data={data} derived={derived} />
          {data.accounts.length === 0 ? (
            <p class="empty">{t('emptyAll')}</p>
          ) : (
            <>
              <Suggestions data={data} derived={derived} ctl={ctl} duration={duration} setDuration={setDuration} busy={busy} />
              <AccountList data={data} ctl={ctl} query={query} setQuery={setQuery} sort={sort} setSort={setSort} shown={shown} setShown={setShown} />
            </>
          )}
        </main>
      </div>
      {view.kind === 'account' && (
        <AccountDetail key={view.id} accountId={view.id} account={account} data={data} ctl={ctl} duration={duration} setDuration={setDuration} busy={busy} />
      )}
      {view.kind === 'unfollow' && <UnfollowGuide focusId={view.id} data={data} derived={derived} ctl={ctl} busy={busy} />}
      <div class="dock">
        <div class="status-line" role="status" aria-live="polite">
          {status && <p class={`status ${status.kind}`}>{status.text}</p>}
        </div>
        {data.undo && <UndoBar undo={data.undo} onUndo={() => void undo()} busy={busy} />}
      </div>
    </div>
  );
}

function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length) return;
  performance.mark(name);
  performance.measure(`${name}:since-navigation`, { start: 0, end: name });
}

function Header({ actions }: { actions: Actions }) {
  return (
    <header class="top">
      <h1>{t('extName')}</h1>
      <button type="button" class="icon-button" aria-label={t('openSettings')} title={t('openSettings')} onClick={() => actions.openOptions()}>
        <SettingsIcon />
      </button>
    </header>
  );
}
