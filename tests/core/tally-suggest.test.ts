import { describe, expect, test } from 'vitest';
import { countArticle, isAdsInside, newAccount, promoLowerBound, recountPitch, retallyArticle, weekOf, weeklyTrend, type Tallied } from '../../src/core/tally';
import { dismissalOf, suggestMutes, followState } from '../../src/core/suggest';
import { emptyPrefs, prefsFromItems } from '../../src/core/prefs';
import type { AccountRecord } from '../../src/core/records';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 25, 4);

/** Labels: `p` promotional, `s` service, and upper case for an article with a pitch segment (`S`: ads inside). */
function account(id: string, labels: string, start = now - 20 * DAY): AccountRecord {
  const acc = newAccount(id, `名${id}`, null, start);
  [...labels].forEach((c, i) => countArticle(acc, `${id}:${i}`, c.toLowerCase() === 'p' ? 'promotional' : 'service', start + i * DAY, c === c.toUpperCase()));
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

describe('ads inside: service articles that carry a pitch segment', () => {
  const S: Tallied = { label: 'service', pitch: false };
  const SP: Tallied = { label: 'service', pitch: true };
  const P: Tallied = { label: 'promotional', pitch: false };
  const PP: Tallied = { label: 'promotional', pitch: true };

  test.each([
    [S, false],
    [SP, true],
    [P, false],
    [PP, false],
  ])('%o counts as ads inside: %s', (t, inside) => {
    expect(isAdsInside(t)).toBe(inside);
    const acc = countArticle(newAccount('a', 'a', null, now), 'k', t.label, now, t.pitch);
    expect([acc.articles, acc.promo, acc.adsInside, acc.recent[0]?.pitch]).toEqual([1, t.label === 'promotional' ? 1 : 0, inside ? 1 : 0, t.pitch]);
  });

  // Every move a correction or a newer model verdict can make, from each state to each other.
  test.each([
    [SP, PP, 1, 0],
    [PP, SP, 0, 1],
    [S, SP, 0, 1],
    [SP, S, 0, 0],
    [S, PP, 1, 0],
    [P, SP, 0, 1],
    [SP, SP, 0, 1],
    [P, PP, 1, 0],
  ])('%o → %o leaves promo %i and ads inside %i', (from, to, promo, inside) => {
    const acc = countArticle(newAccount('a', 'a', null, now), 'k', from.label, now, from.pitch);
    retallyArticle(acc, 'k', from, to, now);
    expect([acc.articles, acc.promo, acc.adsInside]).toEqual([1, promo, inside]);
    expect(acc.recent[0]).toMatchObject({ promo: to.label === 'promotional', pitch: to.pitch });
    expect(Object.values(acc.weeks)[0]).toEqual({ n: 1, promo });
  });

  test('a recount from the article records sets the count and the recent marks', () => {
    const acc = account('r', 'sspss');
    const model = (label: 'service' | 'promotional', pitched: boolean) => ({ label, promoScore: 0.5, reasons: [], segments: pitched ? [{ start: 3, end: 4, strength: 0.8, share: 0.2 }] : [], paragraphs: 10 });
    recountPitch(acc, [
      { key: 'r:0', model: model('service', true), userLabel: null },
      { key: 'r:1', model: model('service', true), userLabel: 'promotional' },
      { key: 'r:2', model: model('promotional', true), userLabel: null },
      { key: 'r:3', model: model('service', false), userLabel: null },
      { key: 'r:4', model: model('promotional', true), userLabel: 'service' },
    ]);
    expect(acc.adsInside).toBe(2);
    expect(acc.recent.map((r) => r.pitch)).toEqual([true, true, true, false, true]);
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
    expect(s[1]?.reason).toEqual({ promo: 6, inside: 0, window: 6, total: 6, totalPromo: 6, totalInside: 0 });
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

  test('an account whose useful articles mostly carry a sales block gets the gentler suggestion, after the others', () => {
    const inside = account('inside', 'SSSSSSSsSS');
    const s = suggestMutes([...accounts, inside], emptyPrefs(), now);
    expect(s.map((x) => [x.accountId, x.action])).toEqual([
      ['flood', 'unfollow'],
      ['promo', 'mute'],
      ['inside', 'ads-inside'],
    ]);
    expect(s[2]?.reason).toEqual({ promo: 0, inside: 9, window: 10, total: 10, totalPromo: 0, totalInside: 9 });
  });

  test.each([
    ['half with ads inside is not enough', 'SsSsSsSsSs', null],
    ['promotional articles and ads inside add up', 'pSpSpSsSsS', 'ads-inside'],
    ['mostly promotional stays a mute suggestion', 'ppppppPSSs', 'mute'],
    ['too few articles', 'SSSS', null],
  ])('%s', (_, labels, action) => {
    expect(suggestMutes([account('x', labels)], emptyPrefs(), now).map((x) => x.action)).toEqual(action ? [action] : []);
  });

  test('the gentler suggestion never goes to a muted or pinned account, and a dismissal holds until it gets worse', () => {
    const acc = account('g', 'SSSSSSSS');
    expect(suggestMutes([acc], prefsFromItems({ 'mute:g': { name: 'g', since: 1, until: null } }), now)).toEqual([]);
    expect(suggestMutes([acc], prefsFromItems({ 'pin:g': { name: 'g', since: 1 } }), now)).toEqual([]);
    const dismissed = prefsFromItems({ 'dismiss:g': dismissalOf(acc, now) });
    expect(suggestMutes([acc], dismissed, now)).toEqual([]);
    for (let i = 0; i < 12; i++) countArticle(acc, `g:more${i}`, 'service', now, true);
    expect(suggestMutes([acc], dismissed, now).map((s) => s.action)).toEqual(['ads-inside']);
  });

  test('a malformed pref item is dropped and a bad setting falls back to its default', () => {
    const prefs = prefsFromItems({ settings: { minArticles: 'many', muteBound: 0.5 }, 'mute:x': { name: 5 }, 'pin:y': { name: 'ok', since: 1 } });
    expect(prefs.settings).toMatchObject({ minArticles: 5, muteBound: 0.5 });
    expect(prefs.mutes).toEqual({});
    expect(Object.keys(prefs.pins)).toEqual(['y']);
  });
});
