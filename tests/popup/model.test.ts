// The popup's pure helpers: safe links, name cutting, the sparkline's geometry, the checklist order,
// and Chrome-style message substitution.
import { describe, expect, test } from 'vitest';
import { emptyPrefs } from '../../src/core/prefs';
import { suggestMutes } from '../../src/core/suggest';
import { countArticle, newAccount } from '../../src/core/tally';
import { messageParts, messagesFromJson, setMessageSource, t, tn } from '../../src/ui/i18n';
import { articleLink, displayName, isBiz, profileUrl, searchAccounts, sortAccounts, sparklinePath, unfollowChecklist } from '../../src/ui/model';
import { cueKey } from '../../src/ui/i18n';

describe('links', () => {
  test.each([
    ['MzA5NjAwMTAwMA==', true],
    ['MzI1MjY4NjQ3Mw==', true],
    ['name:某公众号', false],
    ['javascript:alert(1)', false],
    ['Mz"><img>', false],
  ])('%s is a __biz: %s', (id, biz) => {
    expect(isBiz(id)).toBe(biz);
    expect(profileUrl(id) !== null).toBe(biz);
  });

  test('the account page is WeChat profile_ext with the id encoded', () => {
    expect(profileUrl('MzA5NjAwMTAwMA==')).toBe('https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA5NjAwMTAwMA%3D%3D#wechat_redirect');
  });

  test.each([
    ['https://mp.weixin.qq.com/s/abc', 'https://mp.weixin.qq.com/s/abc'],
    ['http://mp.weixin.qq.com/s?__biz=Mz&mid=1', 'http://mp.weixin.qq.com/s?__biz=Mz&mid=1'],
    ['javascript:alert(1)', null],
    ['https://evil.example/s/abc', null],
    ['https://mp.weixin.qq.com.evil.example/s', null],
    ['', null],
  ])('article link %s → %s', (url, expected) => {
    expect(articleLink(url)).toBe(expected);
  });
});

describe('names', () => {
  test('long names are cut by code point, never inside an emoji', () => {
    expect(displayName('  短  ')).toBe('短');
    expect(displayName('a'.repeat(10_000), 10)).toBe('aaaaaaaaaa…');
    const cut = displayName('🎉'.repeat(50), 5);
    expect(cut).toBe('🎉🎉🎉🎉🎉…');
  });

  test('cue ids map to message keys the way the content script builds them', () => {
    expect(cueKey('buy-call')).toBe('cue_buy_call');
    expect(cueKey('price')).toBe('cue_price');
  });

  test('search is case-insensitive and ignores surrounding spaces', () => {
    const list = [{ name: 'Rust 中文社区' }, { name: '安全周刊' }];
    expect(searchAccounts(list, '  rust ')).toEqual([{ name: 'Rust 中文社区' }]);
    expect(searchAccounts(list, '')).toHaveLength(2);
  });
});

describe('sparkline', () => {
  test('weeks without articles are gaps; single weeks are dots; 100% is at the top', () => {
    const trend = [
      { week: 0, n: 1, ratio: 1 },
      { week: 7, n: 2, ratio: 0.5 },
      { week: 14, n: 0, ratio: null },
      { week: 21, n: 1, ratio: 0 },
      { week: 28, n: 0, ratio: null },
    ];
    expect(sparklinePath(trend, 42, 12, 1)).toBe('M1 1 L11 6 M29.5 11 h3');
  });

  test('no articles at all draws nothing', () => {
    expect(sparklinePath([{ week: 0, n: 0, ratio: null }], 10, 10)).toBe('');
  });
});

describe('sorting', () => {
  const DAY = 86_400_000;
  const mk = (id: string, name: string, labels: string, last: number) => {
    const a = newAccount(id, name, null, last - labels.length * DAY);
    [...labels].forEach((c, i) => countArticle(a, `${id}${i}`, c === 'p' ? 'promotional' : 'service', last - (labels.length - 1 - i) * DAY));
    return a;
  };
  const accounts = [mk('1', '乙', 'pps', 10 * DAY), mk('2', '甲', 'ssss', 30 * DAY), mk('3', 'B', 'p', 20 * DAY), mk('4', 'a', 'ps', 5 * DAY)];
  test.each([
    ['ratio', ['3', '1', '4', '2']],
    ['articles', ['2', '1', '4', '3']],
    ['recent', ['2', '3', '1', '4']],
  ] as const)('by %s', (key, ids) => {
    expect(sortAccounts(accounts, key).map((a) => a.id)).toEqual(ids);
  });
  test('by name in the UI language', () => {
    expect(sortAccounts(accounts, 'name', 'en').map((a) => a.name).slice(0, 2)).toEqual(['a', 'B']);
  });
});

describe('unfollow checklist', () => {
  test('suggested accounts and ticked ones, worst first, ticks kept', () => {
    const mk = (id: string, n: number, promo: number, last: number) => {
      const a = newAccount(id, `名${id}`, null, 0);
      for (let i = 0; i < n; i++) countArticle(a, `${id}${i}`, i < promo ? 'promotional' : 'service', last - i);
      return a;
    };
    const accounts = [mk('x', 20, 20, 1000), mk('y', 10, 9, 1000), mk('z', 12, 12, 500)];
    const prefs = emptyPrefs();
    prefs.unfollowed['z'] = { name: '名z', at: 900 };
    prefs.unfollowed['gone'] = { name: '别处取关的', at: 900 };
    const list = unfollowChecklist(accounts, prefs, suggestMutes(accounts, prefs, 2000));
    expect(list.map((i) => [i.accountId, i.done, i.state])).toEqual([
      ['x', false, 'following'],
      ['z', true, 'unfollowed'],
      ['y', false, 'following'],
      ['gone', true, 'unfollowed'],
    ]);
  });
});

describe('messages', () => {
  const json = {
    hello: { message: '你好「$NAME$」，$COUNT$ 篇', placeholders: { name: { content: '$1' }, count: { content: '$2' } } },
    money: { message: '$$5 for $1' },
    one: { message: '$COUNT$ article', placeholders: { count: { content: '$1' } } },
    many: { message: '$COUNT$ articles', placeholders: { count: { content: '$1' } } },
  };
  test('named placeholders, positional substitutions and $$ work as in Chrome', () => {
    setMessageSource(messagesFromJson(json, 'en'));
    expect(t('hello', '甲', 3)).toBe('你好「甲」，3 篇');
    expect(t('money', 'x')).toBe('$5 for x');
    expect(t('missing')).toBe('missing');
  });
  test('a substitution containing $1 is not substituted again', () => {
    setMessageSource(messagesFromJson(json, 'en'));
    expect(t('hello', '$2', 'x')).toBe('你好「$2」，x 篇');
  });
  test('messageParts splits around substitutions so names can be nodes', () => {
    setMessageSource(messagesFromJson(json, 'en'));
    expect(messageParts('hello', 2)).toEqual(['你好「', 0, '」，', 1, ' 篇']);
  });
  test('tn picks the One form for exactly one', () => {
    setMessageSource(messagesFromJson({ n: json.many, nOne: json.one }, 'en'));
    expect(tn('n', 1)).toBe('1 article');
    expect(tn('n', 2)).toBe('2 articles');
  });
});
