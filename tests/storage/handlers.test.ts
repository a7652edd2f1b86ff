import { beforeEach, describe, expect, test } from 'vitest';
import { freshDb, observation } from './fresh-db';
import { MemoryArea } from './memory-area';
import { handle, type Context } from '../../src/background/handlers';
import { parseRequest, type Request } from '../../src/messages';
import { readPitchDisplay, readPrefs } from '../../src/storage/prefs-store';
import { getAccount, listAccounts, recordObservation } from '../../src/storage/store';
import { db } from '../../src/storage/db';

let ctx: Context;
let now = Date.UTC(2026, 10, 25);
beforeEach(async () => {
  await freshDb();
  now = Date.UTC(2026, 10, 25);
  ctx = { areas: { sync: new MemoryArea(8192), local: new MemoryArea() }, now: () => now };
});

async function call(request: Request) {
  const parsed = parseRequest(request, false);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.reply));
  return handle(parsed.request, ctx);
}

async function snapshot() {
  const d = await db();
  return {
    articles: await d.getAll('articles'),
    accounts: await d.getAll('accounts'),
    sync: Object.fromEntries((ctx.areas.sync as MemoryArea).items),
    local: Object.fromEntries((ctx.areas.local as MemoryArea).items),
  };
}

describe('mute and undo', () => {
  test('mute, then undo, restores the exact previous state', async () => {
    await call({ type: 'account/mute', accountId: 'MzA', name: '甲', duration: '30d' });
    const before = await snapshot();
    await call({ type: 'account/mute', accountId: 'MzA', name: '甲', duration: 'never' });
    expect((await readPrefs(ctx.areas)).mutes['MzA']?.until).toBeNull();
    const reply = await call({ type: 'undo' });
    expect(reply).toMatchObject({ ok: true, undone: { action: 'mute', accountId: 'MzA' } });
    const after = await snapshot();
    delete before.local['undo'];
    expect(after).toEqual(before);
  });

  test('a 7-day mute expires', async () => {
    await call({ type: 'account/mute', accountId: 'MzA', name: '甲', duration: '7d' });
    const { isMuted } = await import('../../src/core/prefs');
    const prefs = await readPrefs(ctx.areas);
    expect(isMuted(prefs, 'MzA', now + 6 * 86_400_000)).toBe(true);
    expect(isMuted(prefs, 'MzA', now + 8 * 86_400_000)).toBe(false);
  });

  test('undo of a first mute removes it; a second undo does nothing', async () => {
    await call({ type: 'account/mute', accountId: 'MzA', name: '甲', duration: 'never' });
    await call({ type: 'undo' });
    expect((await readPrefs(ctx.areas)).mutes).toEqual({});
    expect(await call({ type: 'undo' })).toEqual({ ok: true, undone: null });
  });

  test('a correction can be undone and the tallies follow both ways', async () => {
    const o = observation('A', 'promotional');
    await recordObservation(o);
    await call({ type: 'article/correct', key: o.key, label: 'service' });
    expect(await getAccount('MzA')).toMatchObject({ promo: 0 });
    await call({ type: 'undo' });
    expect(await getAccount('MzA')).toMatchObject({ promo: 1 });
  });

  test('the observed reply says whether the account is muted', async () => {
    await call({ type: 'account/mute', accountId: 'MzA', name: '甲', duration: 'never' });
    const reply = await call({ type: 'article/observed', observation: observation('A', 'promotional') });
    expect(reply).toMatchObject({ ok: true, accountId: 'MzA', counted: true, muted: true });
  });

  test('a 10,000-character name is shortened in prefs so the sync item stays within quota', async () => {
    await call({ type: 'account/mute', accountId: 'MzL', name: '长'.repeat(10_000), duration: 'never' });
    const prefs = await readPrefs(ctx.areas);
    expect(prefs.mutes['MzL']?.name.length).toBeLessThanOrEqual(200);
    expect((ctx.areas.sync as MemoryArea).items.has('mute:MzL')).toBe(true);
  });
});

describe('dismiss', () => {
  test('remembers how bad the account was when dismissed', async () => {
    for (let i = 0; i < 6; i++) await recordObservation(observation('D', 'promotional'));
    await call({ type: 'suggestion/dismiss', accountId: 'MzD' });
    const prefs = await readPrefs(ctx.areas);
    expect(prefs.dismissed['MzD']?.bound).toBeGreaterThan(0.6);
  });
});

describe('export and import', () => {
  async function seed() {
    for (let i = 0; i < 3; i++) await recordObservation(observation('E', i ? 'promotional' : 'service'));
    await call({ type: 'account/mute', accountId: 'MzE', name: '账号E', duration: 'never' });
    await call({ type: 'account/pin', accountId: 'MzF', name: '账号F', pinned: true });
  }

  test('an export imported into an empty profile restores everything', async () => {
    await seed();
    const exported = await call({ type: 'data/export' });
    if (!('file' in exported)) throw new Error('no file');
    const text = JSON.stringify(exported.file);
    await call({ type: 'data/delete-all', confirm: true });
    expect(await listAccounts()).toEqual([]);
    expect((await readPrefs(ctx.areas)).mutes).toEqual({});
    const reply = await call({ type: 'data/import', text });
    expect(reply).toMatchObject({ ok: true, accountsAdded: 1, articlesAdded: 3 });
    expect(await getAccount('MzE')).toMatchObject({ articles: 3, promo: 2 });
    const prefs = await readPrefs(ctx.areas);
    expect(Object.keys(prefs.mutes)).toEqual(['MzE']);
    expect(Object.keys(prefs.pins)).toEqual(['MzF']);
  });

  test('importing the same file twice merges: nothing is counted twice', async () => {
    await seed();
    const exported = await call({ type: 'data/export' });
    if (!('file' in exported)) throw new Error('no file');
    const reply = await call({ type: 'data/import', text: JSON.stringify(exported.file) });
    expect(reply).toMatchObject({ accountsAdded: 0, articlesAdded: 0 });
    expect(await getAccount('MzE')).toMatchObject({ articles: 3, promo: 2 });
  });

  test('articles new to an existing account are counted into it', async () => {
    await seed();
    const exported = await call({ type: 'data/export' });
    if (!('file' in exported)) throw new Error('no file');
    const file = exported.file;
    const extra = { ...file.articles[0]!, key: 'MzE:99999:1', userLabel: 'promotional' as const };
    file.articles.push(extra);
    await call({ type: 'data/import', text: JSON.stringify(file) });
    expect(await getAccount('MzE')).toMatchObject({ articles: 4, promo: 3 });
  });

  test('the file carries the ads-inside counts, and a file from before they existed still imports, recounted', async () => {
    const pitch = [{ start: 4, end: 6, strength: 0.8, share: 0.25 }];
    await recordObservation(observation('G', 'service', { verdict: { label: 'service', promoScore: 0.2, reasons: [], segments: pitch, paragraphs: 20 } }));
    await recordObservation(observation('G', 'service'));
    await recordObservation(observation('G', 'promotional', { verdict: { label: 'promotional', promoScore: 0.9, reasons: [], segments: pitch, paragraphs: 20 } }));
    const exported = await call({ type: 'data/export' });
    if (!('file' in exported)) throw new Error('no file');
    const account = exported.file.accounts.find((a) => a.id === 'MzG')!;
    expect(account).toMatchObject({ adsInside: 1 });
    expect(account.recent.map((r) => r.pitch)).toEqual([true, false, true]);
    // The same file as the extension wrote it before: no `adsInside`, no `pitch`, and verdicts without `segments` for older articles.
    const old = JSON.parse(JSON.stringify(exported.file)) as { accounts: Array<Record<string, unknown>>; articles: Array<{ model: Record<string, unknown> }> };
    for (const a of old.accounts) {
      delete a['adsInside'];
      for (const r of a['recent'] as Array<Record<string, unknown>>) delete r['pitch'];
    }
    delete old.articles[1]!.model['segments'];
    await call({ type: 'data/delete-all', confirm: true });
    expect(await call({ type: 'data/import', text: JSON.stringify(old) })).toMatchObject({ ok: true, accountsAdded: 1, articlesAdded: 3 });
    expect(await getAccount('MzG')).toMatchObject({ articles: 3, promo: 1, adsInside: 1 });
    expect((await getAccount('MzG'))!.recent.map((r) => r.pitch)).toEqual([true, false, true]);
    expect((await (await db()).getAll('articles')).map((a) => a.model.segments.length).sort()).toEqual([0, 1, 1]);
  });

  test('an imported correction moves the ads-inside count of an account already here', async () => {
    const o = observation('H', 'service', { verdict: { label: 'service', promoScore: 0.2, reasons: [], segments: [{ start: 1, end: 1, strength: 0.6, share: 0.1 }], paragraphs: 20 } });
    await recordObservation(o);
    const exported = await call({ type: 'data/export' });
    if (!('file' in exported)) throw new Error('no file');
    exported.file.articles[0]!.userLabel = 'promotional';
    expect(await call({ type: 'data/import', text: JSON.stringify(exported.file) })).toMatchObject({ correctionsAdded: 1 });
    expect(await getAccount('MzH')).toMatchObject({ articles: 1, promo: 1, adsInside: 0 });
  });

  const bad: Array<[string, (good: string) => string, string]> = [
    ['truncated', (g) => g.slice(0, Math.floor(g.length / 2)), 'not-json'],
    ['not an export', () => JSON.stringify({ hello: 'world' }), 'not-export'],
    ['wrong shape', (g) => JSON.stringify({ ...JSON.parse(g), accounts: [{ id: 5 }] }), 'invalid:'],
    ['future version', (g) => JSON.stringify({ ...JSON.parse(g), version: 99 }), 'future-version'],
    ['orphan article', (g) => JSON.stringify({ ...JSON.parse(g), accounts: [] }), 'invalid:articles'],
    ['empty', () => '', 'not-json'],
  ];
  test.each(bad)('a %s file is refused with a reason and changes nothing', async (_name, corrupt, error) => {
    await seed();
    const exported = await call({ type: 'data/export' });
    if (!('file' in exported)) throw new Error('no file');
    const good = JSON.stringify(exported.file);
    const before = await snapshot();
    await expect(call({ type: 'data/import', text: corrupt(good) })).rejects.toMatchObject({ code: 'bad-import', message: expect.stringContaining(error) });
    expect(await snapshot()).toEqual(before);
  });
});

describe('how pitch segments show (a setting)', () => {
  test('settings/update changes it alone; the thresholds stay', async () => {
    await call({ type: 'settings/update', settings: { muteBound: 0.3 } });
    expect(await readPitchDisplay(ctx.areas)).toBe('mark');
    await call({ type: 'settings/update', settings: { pitchDisplay: 'collapse' } });
    expect(await readPitchDisplay(ctx.areas)).toBe('collapse');
    expect((await readPrefs(ctx.areas)).settings).toMatchObject({ muteBound: 0.3, pitchDisplay: 'collapse' });
  });

  test('a stored value that is not a choice reads as the default, mark', async () => {
    await ctx.areas.sync.set({ settings: { minArticles: 5, pitchDisplay: 'hide-everything' } });
    expect(await readPitchDisplay(ctx.areas)).toBe('mark');
  });

  test('a page may change it from the marker, and nothing else', () => {
    expect(parseRequest({ type: 'settings/update', settings: { pitchDisplay: 'off' } }, true)).toMatchObject({ ok: true });
    for (const settings of [{ pitchDisplay: 'off', muteBound: 0 }, { minArticles: 100 }, {}]) {
      expect(parseRequest({ type: 'settings/update', settings }, true), JSON.stringify(settings)).toMatchObject({ ok: false, reply: { error: 'forbidden' } });
    }
  });

  test('it travels in the export: an import restores it where the reader had not chosen, never over their choice', async () => {
    await call({ type: 'settings/update', settings: { pitchDisplay: 'off' } });
    const exported = await call({ type: 'data/export' });
    if (!('file' in exported)) throw new Error('no file');
    expect(exported.file.prefs.settings.pitchDisplay).toBe('off');
    await call({ type: 'data/delete-all', confirm: true });
    expect(await readPitchDisplay(ctx.areas)).toBe('mark');
    await call({ type: 'data/import', text: JSON.stringify(exported.file) });
    expect(await readPitchDisplay(ctx.areas)).toBe('off');

    await call({ type: 'settings/update', settings: { pitchDisplay: 'collapse' } });
    await call({ type: 'data/import', text: JSON.stringify(exported.file) });
    expect(await readPitchDisplay(ctx.areas)).toBe('collapse');
  });

  test('an export file from before the setting imports, and reads as mark', async () => {
    const exported = await call({ type: 'data/export' });
    if (!('file' in exported)) throw new Error('no file');
    const { pitchDisplay: _dropped, ...older } = exported.file.prefs.settings;
    const file = { ...exported.file, prefs: { ...exported.file.prefs, settings: older } };
    await call({ type: 'data/delete-all', confirm: true });
    await call({ type: 'data/import', text: JSON.stringify(file) });
    expect(await readPitchDisplay(ctx.areas)).toBe('mark');
  });
});
