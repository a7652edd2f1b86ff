// Sends one request at a time (a double click never sends twice), reloads the data after a
// success, and turns an error reply into words for the status line.
import { useRef, useState } from 'preact/hooks';
import type { ReplyOf, RequestOf, RequestType } from '../messages';
import type { Actions } from './actions';
import { errorText } from './errors';

const OK_VISIBLE_MS = 6000;

export interface Status {
  kind: 'ok' | 'error';
  text: string;
}

export interface Runner {
  busy: boolean;
  status: Status | null;
  setStatus(status: Status | null): void;
  /** The reply on success, null when refused (the status line then says why) or while another request runs. */
  send<T extends RequestType>(request: RequestOf<T>, done?: string | ((reply: ReplyOf<T>) => string)): Promise<ReplyOf<T> | null>;
}

export function useRunner(actions: Actions, reload: () => Promise<void>): Runner {
  const [busy, setBusy] = useState(false);
  const [status, setStatusNow] = useState<Status | null>(null);
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Confirmations fade after a while; errors stay until the next action.
  const setStatus = (next: Status | null): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = next?.kind === 'ok' ? setTimeout(() => setStatusNow(null), OK_VISIBLE_MS) : null;
    setStatusNow(next);
  };
  return {
    busy,
    status,
    setStatus,
    async send(request, done) {
      if (running.current) return null;
      running.current = true;
      setBusy(true);
      try {
        const reply = await actions.send(request);
        if (!reply.ok) {
          setStatus({ kind: 'error', text: errorText(reply) });
          return null;
        }
        await reload();
        const ok = reply as ReplyOf<typeof request.type>;
        setStatus(done ? { kind: 'ok', text: typeof done === 'string' ? done : done(ok) } : null);
        return ok;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
  };
}
