// Real saved pages parsed with linkedom, cached: the fixture pages are up to 4 MB and several test
// files read the same ones.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { SHARED_DIR } from '../../scripts/shared-dir';

export const FIXTURE_DIR = resolve(SHARED_DIR, 'fixtures/wechat/real');
export const CORPUS_DIR = resolve(SHARED_DIR, 'data/wechat-articles');

const cache = new Map<string, Document>();

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * Two saved pages are JSON string bodies (literal `\n`, `\"`). No browser ever shows that form, so the
 * page is decoded the way its saver encoded it.
 */
export function decodeJsonEscaped(raw: string): string {
  return JSON.parse(`"${raw.replace(/\s+$/, '')}"`) as string;
}

function load(path: string, jsonEscaped: boolean): Document {
  const key = `${jsonEscaped ? 'json:' : ''}${path}`;
  let doc = cache.get(key);
  if (!doc) {
    const raw = readFileSync(path, 'utf8');
    doc = parseDocument(jsonEscaped ? decodeJsonEscaped(raw) : raw);
    cache.set(key, doc);
  }
  return doc;
}

/** A page from `../shared/fixtures/wechat/real/`. */
export function loadFixture(name: string, options: { jsonEscaped?: boolean } = {}): Document {
  return load(resolve(FIXTURE_DIR, name), options.jsonEscaped ?? false);
}

/** A saved article page from `../shared/data/wechat-articles/pages/`. */
export function loadCorpusPage(id: string): Document {
  return load(resolve(CORPUS_DIR, 'pages', `${id}.html`), false);
}

export function readFixtureText(name: string): string {
  return readFileSync(resolve(FIXTURE_DIR, name), 'utf8');
}
