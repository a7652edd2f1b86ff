import { describe, expect, test } from 'vitest';
import { countArticle, newAccount, promoLowerBound, weekOf, weeklyTrend } from '../../src/core/tally';
import { suggestMutes, followState } from '../../src/core/suggest';
import { emptyPrefs, prefsFromItems } from '../../src/core/prefs';
import type { AccountRecord } from '../../src/core/records';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 25, 4);

function account(id: string, labels: string, start = now - 20 * DAY): AccountRecord {
  const acc = newAccount(id, `名${id}`, null, start);
  [...labels].forEach((c, i) => countArticle(acc, `${id}:${i}`, c === 'p' ? 'promotional' : 'service', start + i * DAY));
  return acc;
}

describe('promoLowerBound', () => {
  test.each([
    [0, 0, 0, 0],
    [3, 3, 0.5, 0.56],
    [5, 5, 0.6, 0.7],
    [5, 6, 0.45, 0.55],
    [50, 60, 0.7, 0.8],
    [0, 10, 0, 0.01],
  ])('%i of %i lies in [%f, %f]', (k, n, lo, hi) => {
    const b = promoLowerBound(k, n);
    expect(b).toBeGreaterThanOrEqual(lo);
    expect(b).toBeLessThanOrEqual(hi);
    expect(b).toBeLessThanOrEqual(n ? k / n : 0);
  });
});

describe('weekOf', () => {
  test('weeks start on Monday in UTC+8', () => {
    const monday = Date.UTC(2026, 10, 22, 16); // Mon 2026-11-23 00:00 UTC+8
    expect(weekOf(monday)).toBe(weekOf(monday + 6 * DAY + DAY - 1));
    expect(weekOf(monday - 1)).toBe(weekOf(monday) - 7);
  });
  test('the trend has 8 weeks, oldest first, null where nothing was seen', () => {
    const acc = account('T', 'pppss', now - 2 * DAY);
    const trend = weeklyTrend(acc, now);
    expect(trend).toHaveLength(8);
    expect(trend.slice(0, 6).every((w) => w.ratio === null)).toBe(true);
    expect(trend.reduce((s, w) => s + w.n, 0)).toBe(5);
  });
});

describe('suggestMutes', () => {
  const accounts = [
    account('promo', 'pppppp'),
    account('service', 'ssssss'),
    account('few', 'ppp'),
    account('mixed', 'psspss'),
    account('flood', 'pppppppppppp'),
  ];

  test('suggests only accounts with enough evidence, worst first', () => {
    const s = suggestMutes(accounts, emptyPrefs(), now);
    expect(s.map((x) => [x.accountId, x.action])).toEqual([
      ['flood', 'unfollow'],
      ['promo', 'mute'],
    ]);
    expect(s[1]?.reason).toEqual({ promo: 6, window: 6, total: 6, totalPromo: 6 });
  });

  test('three of three promotional is not enough evidence', () => {
    expect(suggestMutes([account('few', 'ppp')], emptyPrefs(), now)).toEqual([]);
  });

  test('pinned accounts are never suggested', () => {
    const prefs = prefsFromItems({ 'pin:flood': { name: 'x', since: 1 }, 'pin:promo': { name: 'y', since: 1 } });
    expect(suggestMutes(accounts, prefs, now)).toEqual([]);
  });

  test('a muted account is not suggested for muting again', () => {
    const prefs = prefsFromItems({ 'mute:promo': { name: 'x', since: 1, until: null } });
    expect(suggestMutes(accounts, prefs, now).map((s) => s.accountId)).toEqual(['flood']);
  });

  test('a dismissed suggestion returns only when the account gets worse', () => {
    const acc = account('d', 'ppppps');
    const bound = suggestMutes([acc], emptyPrefs(), now)[0]!.bound;
    const prefs = prefsFromItems({ 'dismiss:d': { bound, at: now } });
    expect(suggestMutes([acc], prefs, now)).toEqual([]);
    for (let i = 0; i < 6; i++) countArticle(acc, `d:more${i}`, 'promotional', now);
    expect(suggestMutes([acc], prefs, now).map((s) => s.accountId)).toEqual(['d']);
  });

  test('an account ticked off as unfollowed leaves the suggestions until it is seen again', () => {
    const acc = account('u', 'pppppppppp');
    const prefs = prefsFromItems({ 'unfollow:u': { name: 'u', at: acc.lastSeenAt + 1 } });
    expect(followState(acc, prefs)).toBe('unfollowed');
    expect(suggestMutes([acc], prefs, now)).toEqual([]);
    countArticle(acc, 'u:new', 'promotional', acc.lastSeenAt + DAY);
    expect(followState(acc, prefs)).toBe('followed-again');
    expect(suggestMutes([acc], prefs, now)).toHaveLength(1);
  });

  test('a malformed pref item is dropped and a bad setting falls back to its default', () => {
    const prefs = prefsFromItems({ settings: { minArticles: 'many', muteBound: 0.5 }, 'mute:x': { name: 5 }, 'pin:y': { name: 'ok', since: 1 } });
    expect(prefs.settings).toMatchObject({ minArticles: 5, muteBound: 0.5 });
    expect(prefs.mutes).toEqual({});
    expect(Object.keys(prefs.pins)).toEqual(['y']);
  });
});
