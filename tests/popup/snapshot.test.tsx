// @vitest-environment happy-dom
// The popup's remembered snapshot: compact, faithful for everything the first render shows, ignored
// when malformed, replaced by the fresh read, and dropped with the data it copies.
import { beforeEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { emptyPrefs } from '../../src/core/prefs';
import { suggestMutes } from '../../src/core/suggest';
import { weeklyTrend } from '../../src/core/tally';
import { weekSummary } from '../../src/storage/store';
import { Popup } from '../../src/popup/Popup';
import { mockActions } from '../../src/ui/mock-actions';
import { decodeSnapshot, encodeSnapshot, readSnapshot, SNAPSHOT_KEY, writeSnapshot } from '../../src/ui/snapshot';
import { account, DAY, NOW, rows, seedOf, settle, suggestions, useLocale } from './helpers';

function data() {
  const prefs = emptyPrefs();
  prefs.mutes['MzB'] = { name: '乙', since: NOW - DAY, until: null };
  const list = [account('MzA', '甲', 'pppSpppPpppppppsp'), account('MzB', '乙', 'sSSSSpss'), account('MzC', '丙'.repeat(1000), 'pppppp', { lastAt: NOW - 60 * DAY })];
  return { ...seedOf(list, prefs), undo: { action: 'mute' as const, accountId: 'MzB', name: '乙', at: NOW, prefs: { 'mute:MzB': null }, labels: [] } };
}

beforeEach(() => {
  useLocale('zh_CN');
  localStorage.clear();
});

describe('encode and decode', () => {
  test('what the first render shows survives the round trip', () => {
    const d = data();
    const back = decodeSnapshot(encodeSnapshot(d), NOW)!;
    expect(back.prefs).toEqual(d.prefs);
    expect(back.undo).toEqual(d.undo);
    expect(back.accounts.map((a) => [a.id, a.articles, a.promo, a.adsInside, a.lastSeenAt])).toEqual(d.accounts.map((a) => [a.id, a.articles, a.promo, a.adsInside, a.lastSeenAt]));
    expect(back.accounts.map((a) => a.recent.map((r) => [r.promo, r.pitch]))).toEqual(d.accounts.map((a) => a.recent.slice(-12).map((r) => [r.promo, r.pitch])));
    expect(back.accounts.map((a) => a.name)).toEqual(d.accounts.map((a) => a.name));
    expect(suggestMutes(back.accounts, back.prefs, NOW)).toEqual(suggestMutes(d.accounts, d.prefs, NOW));
    expect(weekSummary(back.accounts, NOW)).toEqual(weekSummary(d.accounts, NOW));
    for (let i = 0; i < d.accounts.length; i++) expect(weeklyTrend(back.accounts[i]!, NOW)).toEqual(weeklyTrend(d.accounts[i]!, NOW));
  });

  test('it stays compact: 2,000 accounts fit well inside localStorage', () => {
    const many = Array.from({ length: 2000 }, (_, i) => account(`MzMANY${i}==`, `账号 ${i}`, 'pspsspssppsspssps'));
    const text = encodeSnapshot({ ...seedOf(many), undo: null })!;
    expect(text.length).toBeLessThan(400_000);
  });

  test.each([null, '', 'not json', '{"v":99,"a":[]}', '{"v":1,"a":[["x"]],"prefs":{}}', JSON.stringify({ v: 1, savedAt: 1, prefs: { bad: true }, undo: null, a: [] }), JSON.stringify({ v: 1, savedAt: 1, prefs: emptyPrefs(), undo: null, a: [] })])('malformed or older %s reads as nothing', (text) => {
    expect(decodeSnapshot(text, NOW)).toBeNull();
  });

  test('write, read, and a broken stored value is ignored', () => {
    writeSnapshot(data());
    expect(readSnapshot(NOW)!.accounts).toHaveLength(3);
    localStorage.setItem(SNAPSHOT_KEY, '{');
    expect(readSnapshot(NOW)).toBeNull();
  });
});

describe('the popup', () => {
  test('draws the snapshot at once, then the fresh data replaces it and is remembered', async () => {
    const stale = data();
    const actions = mockActions(seedOf([account('MzA', '甲', 'pppspppppppppppsp'), account('MzD', '丁', 'pppppp')]));
    actions.snapshot = decodeSnapshot(encodeSnapshot(stale), NOW);
    document.body.innerHTML = '';
    const root = document.createElement('div');
    document.body.append(root);
    const { render } = await import('preact');
    // The first synchronous render already has the rows, before any load resolved.
    act(() => {
      render(<Popup actions={actions} />, root);
    });
    expect(root.querySelector('[data-state]')!.getAttribute('data-state')).toBe('cached');
    expect(rows(root).map((r) => r.dataset['accountId']).sort()).toEqual(['MzA', 'MzB', 'MzC']);
    expect(root.querySelector('[data-testid="undo"]')).not.toBeNull();
    await settle();
    expect(root.querySelector('[data-state]')!.getAttribute('data-state')).toBe('ready');
    expect(rows(root).map((r) => r.dataset['accountId']).sort()).toEqual(['MzA', 'MzD']);
    expect(suggestions(root).map((s) => s.dataset['accountId'])).toContain('MzD');
    expect(root.querySelector('[data-testid="undo"]')).toBeNull();
    expect(actions.remembered.at(-1)!.accounts.map((a) => a.id).sort()).toEqual(['MzA', 'MzD']);
  });
});
