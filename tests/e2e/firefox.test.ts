// The built extension installs in Firefox ESR (web-ext, headless): the manifest is valid for both
// browsers (service worker for Chromium, background scripts and a gecko id for Firefox).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { RELEASE_DIST as DIST } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEB_EXT = resolve(import.meta.dirname, '../../node_modules/.bin/web-ext');

test('Firefox ESR installs the built extension as a temporary add-on', async () => {
  expect(existsSync(FIREFOX), `Firefox ESR at ${FIREFOX} (apt-get install -y firefox-esr)`).toBe(true);
  const child = spawn(WEB_EXT, ['run', '--source-dir', DIST, '--firefox', FIREFOX, '--no-input', '--no-reload', '--verbose', '--args=-headless'], {
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
  const id = /"id":"([^"]+)"/.exec(log)?.[1];
  expect(outcome, log.split('\n').filter((l) => /error|install/i.test(l)).slice(-10).join('\n')).toBe('installed');
  expect(id).toBe('declutter-wechat@declutter.example');
}, 120_000);
