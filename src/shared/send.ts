// Sends one typed request to the service worker and checks the reply against its schema.
import browser from 'webextension-polyfill';
import { parseReply, type Reply, type RequestOf, type RequestType } from '../messages';

export async function send<T extends RequestType>(request: RequestOf<T>): Promise<Reply<T>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(request);
    return parseReply(request.type as T, raw);
  } catch (err) {
    return { ok: false, error: 'unreachable', detail: err instanceof Error ? err.message : String(err) };
  }
}
