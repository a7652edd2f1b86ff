// Loads the UI's data through Actions and reads it again whenever storage says something changed;
// overlapping change events coalesce into one read at a time.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Actions, UiData } from './actions';

export interface DataState {
  data: UiData | null;
  /** False while `data` is the remembered snapshot, true once read from storage. */
  fresh: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** `instant`: start from the remembered snapshot (the popup), and remember each fresh read. */
export function useData(actions: Actions, { instant = false } = {}): DataState {
  const [data, setData] = useState<UiData | null>(() => (instant ? actions.cached() : null));
  const [fresh, setFresh] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const alive = useRef(true);

  const reload = useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = async (): Promise<void> => {
      do {
        again.current = false;
        try {
          const next = await actions.load();
          if (alive.current) {
            setData(next);
            setFresh(true);
            setError(null);
            if (instant) actions.remember(next);
          }
        } catch (err) {
          if (alive.current) setError(err instanceof Error ? err.message : String(err));
        }
      } while (again.current && alive.current);
      running.current = null;
    };
    running.current = run();
    return running.current;
  }, [actions, instant]);

  useEffect(() => {
    alive.current = true;
    void reload();
    const off = actions.subscribe(() => void reload());
    return () => {
      alive.current = false;
      off();
    };
  }, [actions, reload]);

  return { data, fresh, error, reload };
}
