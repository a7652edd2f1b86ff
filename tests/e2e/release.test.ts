// The store archives `npm run package` writes, built here from the shipped build (dist/) the way the
// script builds them: exactly dist's files, no source map, test or bench file, no test hook in any
// file, each browser's manifest, `web-ext lint` clean; the Chrome package runs in Chromium and the
// Firefox one installs in Firefox ESR.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPackages, problemsOf, type Packages } from '../../scripts/package';
import { readZip, writeZip, type ZipEntry } from '../../scripts/package/zip';
import { DIST, FIXTURES, RELEASE_DIST, eventually, fileRoutes, launch } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const filesOf = (dir: string) => walk(dir).map((f) => relative(dir, f)).sort();

let out: string;
let packages: Packages;
const archives: Record<'chrome' | 'firefox', ZipEntry[]> = { chrome: [], firefox: [] };

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'declutter-release-'));
  packages = await buildPackages({ dist: RELEASE_DIST, out });
  archives.chrome = readZip(readFileSync(packages.chrome));
  archives.firefox = readZip(readFileSync(packages.firefox));
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

function unpack(entries: ZipEntry[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'declutter-unpacked-'));
  for (const { name, data } of entries) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

describe.each(['chrome', 'firefox'] as const)('the %s archive', (browser) => {
  test('is named with the package version', () => {
    expect(packages[browser]).toBe(join(out, `declutter-for-wechat-${VERSION}-${browser}.zip`));
  });

  test('holds exactly the shipped build’s files, none from the test build', () => {
    const names = archives[browser].map((e) => e.name).sort();
    expect(names).toEqual(filesOf(RELEASE_DIST));
    // What only the test build has (its bench page) is not in the archive.
    const testOnly = filesOf(DIST).filter((f) => !filesOf(RELEASE_DIST).includes(f) && !f.startsWith('assets/'));
    for (const f of testOnly) expect(names).not.toContain(f);
  });

  test('carries no source map, test or bench file, and no test hook or source-map pointer in any file', () => {
    for (const { name, data } of archives[browser]) {
      expect(name).not.toMatch(/\.map$/);
      expect(name).not.toMatch(/(^|[/._-])(tests?|e2e|bench)([/._-]|$)/i);
      const text = data.toString('latin1');
      expect(text, name).not.toContain('data-declutter-');
      expect(text, name).not.toContain('sourceMappingURL');
    }
  });

  test('its manifest has the package version', () => {
    const manifest = JSON.parse(archives[browser].find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as { version: string };
    expect(manifest.version).toBe(VERSION);
  });
});

test('each store gets the manifest keys its browser reads', () => {
  const manifest = (b: 'chrome' | 'firefox') => JSON.parse(archives[b].find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as Record<string, unknown>;
  expect(manifest('chrome')['background']).toEqual({ service_worker: 'background.js' });
  expect(manifest('chrome')['browser_specific_settings']).toBeUndefined();
  expect(manifest('firefox')['background']).toEqual({ scripts: ['background.js'] });
  expect(manifest('firefox')['browser_specific_settings']).toMatchObject({ gecko: { id: 'declutter-wechat@declutter.example' } });
  // Everything else is the shipped manifest as built.
  const built = JSON.parse(readFileSync(join(RELEASE_DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  for (const b of ['chrome', 'firefox'] as const) {
    const { background: _a, browser_specific_settings: _b, ...rest } = manifest(b);
    const { background: _c, browser_specific_settings: _d, ...builtRest } = built;
    expect(rest).toEqual(builtRest);
  }
});

test('web-ext lint finds no error in the Firefox archive', () => {
  expect(packages.lint.errors, JSON.stringify(packages.lint.messages)).toBe(0);
});

test('the Chrome archive is deterministic: the same files in any order give the same bytes', () => {
  const bytes = readFileSync(packages.chrome);
  expect(writeZip([...archives.chrome].reverse()).equals(bytes)).toBe(true);
});

test('the checker the package script runs refuses a source map, a bench page and a test hook', () => {
  const ok = archives.chrome;
  expect(problemsOf(ok)).toEqual([]);
  const bad = [
    ...ok,
    { name: 'assets/popup.js.map', data: Buffer.from('{}') },
    { name: 'bench/index.html', data: Buffer.from('<p>') },
    { name: 'content-x.js', data: Buffer.from('e.setAttribute("data-declutter-verdict",v)') },
  ];
  expect(problemsOf(bad)).toHaveLength(3);
});

test('the Chrome package runs in Chromium: a real article page is recorded', async () => {
  const dir = unpack(archives.chrome);
  const file = 'article_2018_platform-announcement_weixinpai_service.html';
  const ext = await launch({ route: fileRoutes({ [`/s/${file}`]: join(FIXTURES, file) }), dir });
  try {
    const page = await ext.page();
    // The shipped build writes nothing into the page to wait on: wait for the record instead.
    await ext.visit(page, `http://mp.weixin.qq.com/s/${file}`, { waitForVerdict: false });
    const d = await eventually(ext.dump, (x) => x.articles.length === 1, 20_000);
    expect(d.articles).toHaveLength(1);
    expect(d.accounts.map((a) => a.name)).toEqual(['微信派']);
    expect(await page.$('[data-declutter-verdict], [data-declutter-recorded]')).toBeNull();
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Firefox package installs in Firefox ESR as a temporary add-on', async () => {
  const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  expect(existsSync(firefox), `Firefox ESR at ${firefox} (apt-get install -y firefox-esr)`).toBe(true);
  const dir = unpack(archives.firefox);
  const child = spawn(join(ROOT, 'node_modules/.bin/web-ext'), ['run', '--source-dir', dir, '--firefox', firefox, '--no-input', '--no-reload', '--verbose', '--args=-headless'], {
    env: { ...process.env, MOZ_HEADLESS: '1' },
    detached: true,
  });
  let log = '';
  const outcome = await new Promise<string>((done) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/Installed .* as a temporary add-on/.test(log)) done('installed');
      else if (/installTemporaryAddon.*error|Error: .*manifest/i.test(log)) done('refused');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => done('exited'));
    setTimeout(() => done('timeout'), 90_000);
  });
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    /* already gone */
  }
  rmSync(dir, { recursive: true, force: true });
  expect(outcome, log.split('\n').filter((l) => /error|install/i.test(l)).slice(-10).join('\n')).toBe('installed');
}, 120_000);
