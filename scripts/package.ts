// `npm run package`: the store-ready archives of the shipped build (dist/, never the test build) in
// release/: a zip for the Chrome Web Store and one for Firefox add-ons (`web-ext build`), named with
// package.json's version, each with the manifest keys its browser reads; refuses to write an archive
// with a source map, a test or bench file or a test hook in it; lints the Firefox one (0 errors).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readZip, writeZip, type ZipEntry } from './package/zip';

const ROOT = resolve(import.meta.dirname, '..');
const WEB_EXT = join(ROOT, 'node_modules/.bin/web-ext');
const run = promisify(execFile);

export interface LintSummary {
  errors: number;
  warnings: number;
  notices: number;
  messages: Array<{ type: string; code: string; file?: string }>;
}

export interface Packages {
  version: string;
  chrome: string;
  firefox: string;
  lint: LintSummary;
}

/** Files a store archive must never carry: source maps, tests, bench pages. */
export const FORBIDDEN_NAME = /\.map$|(^|[/._-])(tests?|specs?|e2e|bench)([/._-]|$)/i;
/** Text a store archive must never carry: the test build's page hooks, a pointer to a source map. */
export const FORBIDDEN_TEXT = ['data-declutter-', 'sourceMappingURL'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

/** Why these files may not ship, one line each; empty when they may. */
export function problemsOf(entries: ZipEntry[]): string[] {
  const problems: string[] = [];
  for (const { name, data } of entries) {
    if (FORBIDDEN_NAME.test(name)) problems.push(`${name}: a source map, test or bench file`);
    const text = data.toString('latin1');
    for (const word of FORBIDDEN_TEXT) if (text.includes(word)) problems.push(`${name}: contains "${word}"`);
  }
  return problems;
}

/**
 * The manifest as each store reads it. Chromium warns about Firefox's keys (`browser_specific_settings`,
 * `background.scripts` beside a service worker); Firefox ignores `background.service_worker`.
 */
export function manifestFor(browser: 'chrome' | 'firefox', manifest: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(manifest);
  const background = { ...(out['background'] as Record<string, unknown>) };
  if (browser === 'chrome') {
    delete out['browser_specific_settings'];
    delete background['scripts'];
  } else {
    delete background['service_worker'];
  }
  out['background'] = background;
  return out;
}

function entriesFor(browser: 'chrome' | 'firefox', dist: string): ZipEntry[] {
  return walk(dist).map((file) => {
    const name = relative(dist, file).split('\\').join('/');
    const data = readFileSync(file);
    if (name !== 'manifest.json') return { name, data };
    const manifest = manifestFor(browser, JSON.parse(data.toString('utf8')) as Record<string, unknown>);
    return { name, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) };
  });
}

function check(label: string, entries: ZipEntry[], version: string): void {
  const problems = problemsOf(entries);
  const manifest = entries.find((e) => e.name === 'manifest.json');
  if (!manifest) problems.push('no manifest.json at the top');
  else if ((JSON.parse(manifest.data.toString('utf8')) as { version?: string }).version !== version) problems.push(`manifest.json's version is not package.json's ${version} (run npm run build)`);
  if (problems.length) throw new Error(`${label} may not ship:\n  ${problems.join('\n  ')}`);
}

/** `web-ext lint` over exactly what the archive holds. */
export async function lintArchive(zip: string): Promise<LintSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'declutter-lint-'));
  try {
    for (const { name, data } of readZip(readFileSync(zip))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    // web-ext exits non-zero when the linter finds errors; its JSON report is on stdout either way.
    const { stdout } = await run(WEB_EXT, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { maxBuffer: 32 << 20 }).catch(
      (err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }),
    );
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { summary: { errors: number; warnings: number; notices: number } } & Record<'errors' | 'warnings' | 'notices', Array<{ code: string; file?: string }>>;
    const messages = (['errors', 'warnings', 'notices'] as const).flatMap((type) => report[type].map((m) => ({ type, code: m.code, ...(m.file ? { file: m.file } : {}) })));
    return { ...report.summary, messages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function buildPackages({ dist = join(ROOT, 'dist'), out = join(ROOT, 'release') } = {}): Promise<Packages> {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  mkdirSync(out, { recursive: true });

  const chromeEntries = entriesFor('chrome', dist);
  check('the Chrome package', chromeEntries, version);
  const chrome = join(out, `${name}-${version}-chrome.zip`);
  writeFileSync(chrome, writeZip(chromeEntries));

  // web-ext builds the Firefox archive from a copy holding Firefox's manifest.
  const stage = mkdtempSync(join(tmpdir(), 'declutter-firefox-'));
  const firefox = join(out, `${name}-${version}-firefox.zip`);
  try {
    const firefoxEntries = entriesFor('firefox', dist);
    check('the Firefox package', firefoxEntries, version);
    for (const e of firefoxEntries) {
      mkdirSync(dirname(join(stage, e.name)), { recursive: true });
      writeFileSync(join(stage, e.name), e.data);
    }
    await run(WEB_EXT, ['build', '--source-dir', stage, '--artifacts-dir', out, '--filename', `${name}-${version}-firefox.zip`, '--overwrite-dest', '--no-input', '--no-config-discovery']);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  check('the Firefox archive web-ext wrote', readZip(readFileSync(firefox)), version);

  const lint = await lintArchive(firefox);
  if (lint.errors > 0) {
    const list = lint.messages.filter((m) => m.type === 'errors').map((m) => `${m.code} ${m.file ?? ''}`);
    throw new Error(`web-ext lint found ${lint.errors} errors in ${firefox}:\n  ${list.join('\n  ')}`);
  }
  return { version, chrome, firefox, lint };
}

async function main(): Promise<void> {
  const p = await buildPackages();
  for (const file of [p.chrome, p.firefox]) {
    console.log(`${relative(process.cwd(), file)}  ${(statSync(file).size / 1024).toFixed(1)} KB, ${readZip(readFileSync(file)).length} files`);
  }
  const warnings = p.lint.messages.filter((m) => m.type !== 'errors').map((m) => m.code);
  console.log(`web-ext lint on the Firefox archive: ${p.lint.errors} errors, ${p.lint.warnings} warnings${warnings.length ? ` (${warnings.join(', ')})` : ''}, ${p.lint.notices} notices`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
