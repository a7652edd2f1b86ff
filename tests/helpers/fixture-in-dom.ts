// Real fixture pages for tests that run in happy-dom: there Vite resolves imports as for a browser, so
// `node:` modules cannot be imported (tests/helpers/dom.ts does); Node's own are taken from the process.
// The shared data is found as scripts/shared-dir.ts finds it: DECLUTTER_SHARED, else ../shared.
import { parseHTML } from 'linkedom';

const fs = process.getBuiltinModule('node:fs') as typeof import('node:fs');
const path = process.getBuiltinModule('node:path') as typeof import('node:path');
const SHARED = process.env['DECLUTTER_SHARED'] ?? path.resolve(import.meta.dirname, '../../../shared');

/** A page from `../shared/fixtures/wechat/real/`, parsed with linkedom as the extractor tests do. */
export function fixtureDocument(name: string): Document {
  return parseHTML(fs.readFileSync(path.resolve(SHARED, 'fixtures/wechat/real', name), 'utf8')).document as unknown as Document;
}
