// What the extension pages' Actions use of the browser, loaded only after the popup's first frame:
// the polyfill, IndexedDB (idb and the storage modules) and the typed messages. browser-actions.ts
// imports this module lazily, so the first frame fetches and evaluates none of it.
export { default as browser } from 'webextension-polyfill';
export { PageArticle } from '../messages';
export { onDataChange } from '../shared/changes';
export { send } from '../shared/send';
export { readPrefs } from '../storage/prefs-store';
export { accountArticles, getArticle, listAccounts } from '../storage/store';
