// The one interface the popup and options pages talk through (the Dark Reader pattern): reads come
// from IndexedDB and extension storage, every write is a message to the service worker. The
// browser implementation is in `browser-actions.ts`; `mock-actions.ts` runs the UI without a browser.
import type { Prefs } from '../core/prefs';
import type { AccountRecord, ArticleRecord } from '../core/records';
import type { Reply, RequestOf, RequestType, UndoRecord } from '../messages';

/** Everything the popup's first render needs: per-account tallies, never articles. */
export interface UiData {
  accounts: AccountRecord[];
  prefs: Prefs;
  /** The last reversible action, while `storage.local` still holds it. */
  undo: UndoRecord | null;
  /** The instant the data was read (mute expiry, trends and "this week" are relative to it). */
  now: number;
}

/** The tab the popup was opened over, and the key of the article it shows. */
export interface CurrentTab {
  tabId: number;
  key: string;
}

export interface Actions {
  load(): Promise<UiData>;
  /**
   * What the popup showed last time, synchronously, so the first rows appear before IndexedDB has
   * answered; null when there is none. `load()` follows and replaces it.
   */
  cached(): UiData | null;
  /** Keeps freshly loaded data for the next `cached()`. */
  remember(data: UiData): void;
  /** An account's most recently seen articles, newest first. */
  accountArticles(accountId: string, limit?: number): Promise<ArticleRecord[]>;
  /**
   * The tab the popup belongs to (`?tab=<id>`, else the active tab of the current window) and the
   * article it shows, as its content script says; null for any other page.
   */
  currentTab(): Promise<CurrentTab | null>;
  /** One stored article; undefined before the service worker has recorded it. */
  article(key: string): Promise<ArticleRecord | undefined>;
  send<T extends RequestType>(request: RequestOf<T>): Promise<Reply<T>>;
  /** Calls `onChange` when stored data may have changed (prefs, undo, new articles); returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
  /** Puts text on the clipboard; false when the browser refused (the UI then offers a text field to copy from). */
  copyText(text: string): Promise<boolean>;
  /** Offers a file for download (the export). */
  saveFile(name: string, text: string, type: string): void;
  openOptions(): void;
}
