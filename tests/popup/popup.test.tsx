// @vitest-environment happy-dom
// The popup over the mock Actions: the test hooks, suggestions and their evidence, mute and undo,
// dismiss, hostile names, sorting and search, paging, the account detail and the unfollow guide.
import { beforeEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { emptyPrefs, type Prefs } from '../../src/core/prefs';
import { mockActions, type MockActions } from '../../src/ui/mock-actions';
import { Popup } from '../../src/popup/Popup';
import { account, byText, choose, click, DAY, mount, NOW, rows, seedOf, settle, suggestions, type, useLocale } from './helpers';

const A = 'MzAAAAAAAAA=';
const B = 'MzBBBBBBBBB=';
const C = 'MzCCCCCCCCC=';
const D = 'MzDDDDDDDDD=';
const E = 'MzEEEEEEEEE=';
const F = 'MzFFFFFFFFF=';
const HOSTILE = '<img src=x onerror=alert(1)>';

function scenario(prefs: Prefs = emptyPrefs()) {
  prefs.pins[E] ??= { name: '保留的号', since: NOW - 5 * DAY };
  return seedOf(
    [
      // 12 of 14 promotional, 10 of the last 12: strong evidence, suggested to unfollow.
      account(A, '优选好物社', 'pp' + 'ppsppppppspp'),
      // 6 of 6: enough to mute, too few articles to unfollow.
      account(B, '城市生活指南', 'pppppp'),
      account(C, '安全研究周刊', 'ssssssssss'),
      // 3 of 3 promotional is 100%, but three articles are not evidence.
      account(D, '新号', 'ppp'),
      // Pinned: never suggested, however promotional.
      account(E, '保留的号', 'pppppppppp'),
      account(F, HOSTILE, 'sss'),
    ],
    prefs,
  );
}

let actions: MockActions;
beforeEach(() => {
  useLocale('zh_CN');
  localStorage.clear();
  actions = mockActions(scenario());
});

describe('account rows', () => {
  test('every account has a row with the stable test hooks', async () => {
    const root = await mount(<Popup actions={actions} />);
    const all = rows(root);
    expect(all.map((r) => r.dataset['accountId']).sort()).toEqual([A, B, C, D, E, F].sort());
    const a = all.find((r) => r.dataset['accountId'] === A)!;
    expect(a.dataset['accountName']).toBe('优选好物社');
    expect(Number(a.dataset['promoRatio'])).toBeCloseTo(12 / 14, 6);
    expect(a.dataset['articles']).toBe('14');
    const c = all.find((r) => r.dataset['accountId'] === C)!;
    expect(c.dataset['promoRatio']).toBe('0');
    for (const r of all) {
      const ratio = Number(r.dataset['promoRatio']);
      expect(ratio).toBeGreaterThanOrEqual(0);
      expect(ratio).toBeLessThanOrEqual(1);
    }
    expect(all.find((r) => r.dataset['accountId'] === E)!.dataset['pinned']).toBe('true');
    // A sparkline per row, drawn from the weekly tallies.
    expect(a.querySelector('svg.sparkline path.spark-line')).not.toBeNull();
  });

  test('the summary counts this week from the tallies', async () => {
    const root = await mount(<Popup actions={actions} />);
    const summary = root.querySelector<HTMLElement>('[data-testid="summary"]')!;
    const { weekSummary } = await import('../../src/storage/store');
    const expected = weekSummary([...actions.accounts.values()], NOW);
    expect(expected.articles).toBeGreaterThan(0);
    expect(summary.dataset['articles']).toBe(String(expected.articles));
    expect(summary.textContent).toContain(`${Math.round((expected.promo / expected.articles) * 100)}%`);
  });
});

describe('suggestions', () => {
  test('only accounts with enough evidence are suggested, never pinned ones, with the right action', async () => {
    const root = await mount(<Popup actions={actions} />);
    const list = suggestions(root);
    // Worst bound first: 6 of 6 (0.69) before 12 of 14 (0.65).
    expect(list.map((s) => [s.dataset['accountId'], s.dataset['action']])).toEqual([
      [B, 'mute'],
      [A, 'unfollow'],
    ]);
    const ids = list.map((s) => s.dataset['accountId']);
    expect(ids).not.toContain(D);
    expect(ids).not.toContain(E);
    expect(ids).not.toContain(C);
    for (const s of list) expect(s.querySelector('[data-testid="mute-button"]')).not.toBeNull();
    // Unfollow suggestions also offer the guide; all offer Dismiss.
    expect(list.find((s) => s.dataset['action'] === 'unfollow')!.querySelector('[data-testid="unfollow-button"]')).not.toBeNull();
    expect(list.every((s) => s.querySelector('[data-testid="dismiss-button"]'))).toBe(true);
  });

  test('the reason is said in words, in Chinese by default and in English for English readers', async () => {
    let root = await mount(<Popup actions={actions} />);
    const a = suggestions(root).find((s) => s.dataset['accountId'] === A)!;
    expect(a.querySelector('.reason')!.textContent).toBe('最近 12 篇中有 10 篇是推广');
    expect(a.querySelector('.evidence')!.textContent).toContain('至少 65%');
    useLocale('en');
    root = await mount(<Popup actions={mockActions(scenario())} />);
    const en = suggestions(root).find((s) => s.dataset['accountId'] === A)!;
    expect(en.querySelector('.reason')!.textContent).toBe('10 of the last 12 articles were promotional');
    expect(en.querySelector('[data-testid="mute-button"]')!.textContent).toBe('Mute 30 days');
    expect(root.querySelector('h1')!.textContent).toBe('Declutter for WeChat');
  });

  test('a small count never reads as a suggestion: 3 of 3 is below the evidence bar', async () => {
    const root = await mount(<Popup actions={actions} />);
    const d = rows(root).find((r) => r.dataset['accountId'] === D)!;
    expect(d.dataset['promoRatio']).toBe('1');
    expect(d.querySelector('.ratio-bar.thin')).not.toBeNull();
    expect(suggestions(root).some((s) => s.dataset['accountId'] === D)).toBe(false);
  });
});

describe('mute and undo', () => {
  test('one click mutes for the chosen duration, the undo bar appears and undo restores the exact previous state', async () => {
    const before = structuredClone(actions.prefs);
    const root = await mount(<Popup actions={actions} />);
    expect(root.querySelector('[data-testid="undo"]')).toBeNull();
    const b = suggestions(root).find((s) => s.dataset['accountId'] === B)!;
    await click(b.querySelector('[data-testid="mute-button"]'));
    expect(actions.sent.at(-1)).toEqual({ type: 'account/mute', accountId: B, name: '城市生活指南', duration: '30d' });
    expect(actions.prefs.mutes[B]).toEqual({ name: '城市生活指南', since: NOW, until: NOW + 30 * DAY });
    // The muted account's mute suggestion is gone; its row says muted.
    expect(suggestions(root).some((s) => s.dataset['accountId'] === B)).toBe(false);
    expect(rows(root).find((r) => r.dataset['accountId'] === B)!.dataset['muted']).toBe('true');
    const undo = root.querySelector<HTMLElement>('[data-testid="undo"]')!;
    expect(undo).not.toBeNull();
    expect(root.querySelector('[data-testid="undo-bar"]')!.textContent).toContain('已屏蔽「城市生活指南」');
    await click(undo);
    expect(actions.sent.at(-1)).toEqual({ type: 'undo' });
    expect(actions.prefs).toEqual(before);
    expect(root.querySelector('[data-testid="undo"]')).toBeNull();
    expect(suggestions(root).some((s) => s.dataset['accountId'] === B)).toBe(true);
  });

  test('the duration choice applies to the next mute and is remembered', async () => {
    let root = await mount(<Popup actions={actions} />);
    await choose(root.querySelector('#mute-duration'), 'never');
    const b = suggestions(root).find((s) => s.dataset['accountId'] === B)!;
    expect(b.querySelector('[data-testid="mute-button"]')!.textContent).toBe('屏蔽');
    await click(b.querySelector('[data-testid="mute-button"]'));
    expect(actions.sent.at(-1)).toMatchObject({ type: 'account/mute', duration: 'never' });
    expect(actions.prefs.mutes[B]!.until).toBeNull();
    root = await mount(<Popup actions={mockActions(scenario())} />);
    expect((root.querySelector('#mute-duration') as HTMLSelectElement).value).toBe('never');
  });

  test('an undo record already in storage shows the undo bar when the popup opens again', async () => {
    const reopened = mockActions({
      ...scenario(),
      undo: { action: 'mute', accountId: B, name: '城市生活指南', at: NOW - 60_000, prefs: { [`mute:${B}`]: null }, labels: [] },
    });
    const root = await mount(<Popup actions={reopened} />);
    expect(root.querySelector('[data-testid="undo"]')).not.toBeNull();
  });

  test('an unfollow suggestion for an account already muted keeps Dismiss and the guide but no Mute', async () => {
    const prefs = emptyPrefs();
    prefs.mutes[A] = { name: '优选好物社', since: NOW - DAY, until: null };
    const root = await mount(<Popup actions={mockActions(scenario(prefs))} />);
    const a = suggestions(root).find((s) => s.dataset['accountId'] === A)!;
    expect(a.dataset['action']).toBe('unfollow');
    expect(a.querySelector('[data-testid="mute-button"]')).toBeNull();
    expect(a.querySelector('.tag.muted')).not.toBeNull();
  });

  test('a refused request says why and changes nothing', async () => {
    actions.failNext('account/mute', { ok: false, error: 'unreachable', detail: 'no worker' });
    const root = await mount(<Popup actions={actions} />);
    await click(suggestions(root)[0]!.querySelector('[data-testid="mute-button"]'));
    expect(root.querySelector('.status.error')!.textContent).toBe('扩展后台没有响应，请稍后再试。');
    expect(actions.prefs.mutes).toEqual({});
    expect(root.querySelector('[data-testid="undo"]')).toBeNull();
  });
});

describe('dismiss', () => {
  test('a dismissed suggestion leaves, and comes back only when the account gets worse', async () => {
    const root = await mount(<Popup actions={actions} />);
    await click(suggestions(root).find((s) => s.dataset['accountId'] === B)!.querySelector('[data-testid="dismiss-button"]'));
    expect(actions.sent.at(-1)).toEqual({ type: 'suggestion/dismiss', accountId: B });
    expect(suggestions(root).some((s) => s.dataset['accountId'] === B)).toBe(false);
    // Six more promotional articles raise the bound well past the dismissed one.
    const { countArticle } = await import('../../src/core/tally');
    const acc = actions.accounts.get(B)!;
    for (let i = 0; i < 6; i++) countArticle(acc, `${B}:more${i}`, 'promotional', NOW - DAY + i);
    actions.emit();
    await settle();
    expect(suggestions(root).some((s) => s.dataset['accountId'] === B)).toBe(true);
  });
});

describe('hostile page text', () => {
  test('names render as text: no element is made from markup, bidi is isolated, long names are cut', async () => {
    const long = '长'.repeat(10_000);
    const bidi = '\u202Eevil\u202C 🎉 名';
    const actionsWithNames = mockActions(seedOf([account(F, HOSTILE, 'pppppp'), account('MzLONG000000=', long, 'ss'), account('MzBIDI000000=', bidi, 's')]));
    const root = await mount(<Popup actions={actionsWithNames} />);
    expect(document.querySelectorAll('img').length).toBe(0);
    const row = rows(root).find((r) => r.dataset['accountId'] === F)!;
    expect(row.dataset['accountName']).toBe(HOSTILE);
    const name = row.querySelector('bdi.name')!;
    expect(name.textContent).toBe(HOSTILE);
    expect(name.getAttribute('dir')).toBe('auto');
    // The suggestion card and the undo bar after muting carry the same text, still as text.
    const card = suggestions(root).find((s) => s.dataset['accountId'] === F)!;
    expect(card.querySelector('bdi.name')!.textContent).toBe(HOSTILE);
    await click(card.querySelector('[data-testid="mute-button"]'));
    expect(root.querySelector('[data-testid="undo-bar"] bdi')!.textContent).toBe(HOSTILE);
    expect(document.querySelectorAll('img').length).toBe(0);
    const longRow = rows(root).find((r) => r.dataset['accountId'] === 'MzLONG000000=')!;
    expect(longRow.dataset['accountName']).toBe(long);
    expect(longRow.querySelector('bdi.name')!.textContent!.length).toBeLessThanOrEqual(121);
    const bidiRow = rows(root).find((r) => r.dataset['accountId'] === 'MzBIDI000000=')!;
    expect(bidiRow.querySelector('bdi.name')!.textContent).toBe(bidi.trim());
    // The override stays inside its <bdi>: the row's other text is outside it.
    expect(bidiRow.querySelector('bdi.name')!.contains(bidiRow.querySelector('.meta'))).toBe(false);
  });

  test('article titles and reason words are text too', async () => {
    const x = account(F, '号', 'p');
    x.articles[0]!.title = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    x.articles[0]!.model.reasons = [{ cue: 'price', words: ['<b>¥1</b>'], weight: 1 }];
    const root = await mount(<Popup actions={mockActions(seedOf([x]))} />);
    await click(rows(root)[0]!.querySelector('button'));
    const article = root.querySelector('[data-testid="article"]')!;
    expect(article.querySelector('.title')!.textContent).toBe(x.articles[0]!.title);
    expect(document.querySelectorAll('img, script, b').length).toBe(0);
    expect(article.querySelector('.reasons')!.textContent).toContain('<b>¥1</b>');
  });
});

describe('sorting, search and paging', () => {
  test('sorts by promo ratio by default, and by articles, name and last seen', async () => {
    const root = await mount(<Popup actions={actions} />);
    const order = () => rows(root).map((r) => r.dataset['accountId']);
    const ratios = rows(root).map((r) => Number(r.dataset['promoRatio']));
    expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
    await choose(root.querySelector('[data-testid="sort"]'), 'articles');
    const counts = rows(root).map((r) => Number(r.dataset['articles']));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await choose(root.querySelector('[data-testid="sort"]'), 'name');
    const names = rows(root).map((r) => r.dataset['accountName']!);
    const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });
    expect(names).toEqual([...names].sort(collator.compare));
    actions.accounts.get(C)!.lastSeenAt = NOW;
    actions.emit();
    await settle();
    await choose(root.querySelector('[data-testid="sort"]'), 'recent');
    expect(order()[0]).toBe(C);
  });

  test('search keeps the accounts whose name contains the words', async () => {
    const root = await mount(<Popup actions={actions} />);
    await type(root.querySelector('[data-testid="search"]'), '生活');
    expect(rows(root).map((r) => r.dataset['accountId'])).toEqual([B]);
    await type(root.querySelector('[data-testid="search"]'), 'IMG SRC');
    expect(rows(root).map((r) => r.dataset['accountId'])).toEqual([F]);
    await type(root.querySelector('[data-testid="search"]'), '没有这个号');
    expect(rows(root)).toEqual([]);
    expect(root.querySelector('.accounts .empty')!.textContent).toBe('没有名称包含这些字的公众号。');
  });

  test('2,000 accounts render 100 rows first, then 100 more per click', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => account(`MzMANY${String(i).padStart(5, '0')}=`, `账号 ${i}`, i % 4 ? 'ssps' : 'pppspp'));
    const big = mockActions({ ...seedOf(many), articles: [] });
    const root = await mount(<Popup actions={big} />);
    expect(rows(root)).toHaveLength(100);
    expect(root.querySelector('[data-testid="show-more"]')!.textContent).toBe('显示更多（还有 1900 个）');
    await click(root.querySelector('[data-testid="show-more"]'));
    expect(rows(root)).toHaveLength(200);
    for (const r of rows(root)) {
      expect(r.dataset['accountId']).toBeTruthy();
      expect(r.dataset['accountName']).toBeTruthy();
      expect(r.dataset['promoRatio']).toMatch(/^(0|1|0\.\d+)$/);
      expect(r.dataset['articles']).toMatch(/^\d+$/);
    }
    // The suggestions show the worst five first.
    expect(suggestions(root)).toHaveLength(5);
  });
});

describe('live updates', () => {
  test('a storage change while the popup is open shows the new data', async () => {
    const root = await mount(<Popup actions={actions} />);
    expect(rows(root)).toHaveLength(6);
    const x = account('MzNEW0000000=', '刚看到的号', 'pppppp');
    actions.accounts.set(x.acc.id, x.acc);
    actions.emit();
    await settle();
    expect(rows(root)).toHaveLength(7);
    expect(suggestions(root).some((s) => s.dataset['accountId'] === 'MzNEW0000000=')).toBe(true);
  });
});

describe('account detail', () => {
  test('lists recent articles with verdict and reasons; a correction beats the model and the tallies follow', async () => {
    const root = await mount(<Popup actions={actions} />);
    await click(rows(root).find((r) => r.dataset['accountId'] === B)!.querySelector('button'));
    const detail = root.querySelector<HTMLElement>('[data-testid="account-detail"]')!;
    expect(detail.dataset['accountId']).toBe(B);
    const articles = [...detail.querySelectorAll<HTMLElement>('[data-testid="article"]')];
    expect(articles).toHaveLength(6);
    const first = articles[0]!;
    expect(first.dataset['label']).toBe('promotional');
    expect(first.querySelector('.verdict')!.textContent).toBe('推广');
    expect(first.querySelector('.reasons')!.textContent).toContain('价格');
    expect(first.querySelector('.reasons')!.textContent).toContain('¥99');
    expect(first.querySelector('a.title')!.getAttribute('href')).toContain('https://mp.weixin.qq.com/s?');
    await click(byText(first, 'button', '不是推广'));
    expect(actions.sent.at(-1)).toEqual({ type: 'article/correct', key: first.dataset['key'], label: 'service' });
    const corrected = root.querySelector<HTMLElement>(`[data-testid="article"][data-key="${first.dataset['key']}"]`)!;
    expect(corrected.dataset['label']).toBe('service');
    expect(corrected.dataset['corrected']).toBe('true');
    expect(corrected.querySelector('.verdict')!.textContent).toBe('正常内容');
    expect(actions.accounts.get(B)!.promo).toBe(5);
    expect(rows(root).find((r) => r.dataset['accountId'] === B)!.dataset['promoRatio']).toBe(String(5 / 6));
    expect(root.querySelector<HTMLElement>('[data-testid="undo-bar"]')!.dataset['action']).toBe('correct');
    // Back to the model's call.
    await click(byText(corrected, 'button', '恢复模型判断'));
    expect(actions.sent.at(-1)).toEqual({ type: 'article/correct', key: first.dataset['key'], label: null });
    expect(actions.accounts.get(B)!.promo).toBe(6);
  });

  test('pin from the detail: the account leaves the suggestions', async () => {
    const root = await mount(<Popup actions={actions} />);
    await click(rows(root).find((r) => r.dataset['accountId'] === B)!.querySelector('button'));
    await click(byText(root, '[data-testid="account-detail"] button', '保留'));
    expect(actions.sent.at(-1)).toEqual({ type: 'account/pin', accountId: B, name: '城市生活指南', pinned: true });
    await click(root.querySelector('button.back'));
    expect(suggestions(root).some((s) => s.dataset['accountId'] === B)).toBe(false);
    expect(rows(root).find((r) => r.dataset['accountId'] === B)!.dataset['pinned']).toBe('true');
  });
});

describe('unfollow guide', () => {
  function twoToUnfollow() {
    return mockActions(
      seedOf([
        account(A, '优选好物社', 'pp' + 'ppsppppppspp'),
        account('MzWORSE00000=', '更糟的号', 'pppppppppppppppppppp'),
        account('name:只知道名字', '只知道名字', 'ppppppppppppppp'),
      ]),
    );
  }

  test('shows the steps, the name to copy and the account page; the checklist is ordered by promotion', async () => {
    const acts = twoToUnfollow();
    const root = await mount(<Popup actions={acts} />);
    await click(suggestions(root).find((s) => s.dataset['accountId'] === A)!.querySelector('[data-testid="unfollow-button"]'));
    const guide = root.querySelector('[data-testid="unfollow-guide"]')!;
    expect(guide.querySelectorAll('ol.steps li')).toHaveLength(4);
    expect(guide.textContent).toContain('不再关注');
    expect((guide.querySelector('[data-testid="copy-field"]') as HTMLInputElement).value).toBe('优选好物社');
    expect(guide.querySelector('a.page-link')!.getAttribute('href')).toBe(`https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=${encodeURIComponent(A)}#wechat_redirect`);
    const items = [...guide.querySelectorAll<HTMLElement>('[data-testid="checklist-item"]')].map((i) => i.dataset['accountId']);
    expect(items).toEqual(['MzWORSE00000=', 'name:只知道名字', A]);
    await click(guide.querySelector('[data-testid="copy-button"]'));
    expect(acts.copied).toEqual(['优选好物社']);
    expect(guide.querySelector('.copy-status')!.textContent).toBe('已复制，可以在微信里粘贴搜索。');
  });

  test('an account known only by name has no page link; without clipboard the name is selected instead', async () => {
    const acts = twoToUnfollow();
    acts.clipboardWorks = false;
    const root = await mount(<Popup actions={acts} />);
    await click(root.querySelector('[data-testid="open-checklist"]'));
    const item = root.querySelector<HTMLElement>('[data-testid="checklist-item"][data-account-id="name:只知道名字"]')!;
    await click(item.querySelector('button.icon-button'));
    const box = root.querySelector<HTMLElement>('[data-testid="copy-box"]')!;
    expect(box.dataset['accountId']).toBe('name:只知道名字');
    expect(box.querySelector('a.page-link')).toBeNull();
    expect(box.querySelector('.copy-status')!.textContent).toContain('Ctrl+C');
    expect(document.activeElement).toBe(box.querySelector('[data-testid="copy-field"]'));
  });

  test('ticking an account off sends it, it leaves the suggestions, and reads as followed again once seen again', async () => {
    const acts = twoToUnfollow();
    const root = await mount(<Popup actions={acts} />);
    await click(root.querySelector('[data-testid="open-checklist"]'));
    const box = () => root.querySelector<HTMLInputElement>('[data-testid="checklist-item"][data-account-id="MzWORSE00000="] input[type="checkbox"]')!;
    await click(box());
    expect(acts.sent.at(-1)).toEqual({ type: 'account/unfollowed', accountId: 'MzWORSE00000=', name: '更糟的号', done: true });
    expect(box().checked).toBe(true);
    expect(root.querySelector('[data-testid="checklist-item"][data-account-id="MzWORSE00000="]')!.getAttribute('data-state')).toBe('unfollowed');
    await click(root.querySelector('button.back'));
    expect(suggestions(root).some((s) => s.dataset['accountId'] === 'MzWORSE00000=')).toBe(false);
    expect(rows(root).find((r) => r.dataset['accountId'] === 'MzWORSE00000=')!.dataset['follow']).toBe('unfollowed');
    // A new article from it after the tick: followed again, and suggested again.
    acts.accounts.get('MzWORSE00000=')!.lastSeenAt = NOW + DAY;
    acts.emit();
    await settle();
    expect(rows(root).find((r) => r.dataset['accountId'] === 'MzWORSE00000=')!.dataset['follow']).toBe('followed-again');
    const again = suggestions(root).find((s) => s.dataset['accountId'] === 'MzWORSE00000=')!;
    expect(again.querySelector('.tag.again')!.textContent).toBe('又关注了');
  });
});

describe('keyboard', () => {
  test('every control is a real button, input, select or link, and icon buttons have names', async () => {
    const root = await mount(<Popup actions={actions} />);
    const clickable = root.querySelectorAll('[onclick], div[role="button"], span[role="button"]');
    expect(clickable).toHaveLength(0);
    for (const b of root.querySelectorAll('button.icon-button')) expect(b.getAttribute('aria-label')).toBeTruthy();
    for (const s of root.querySelectorAll('select, input')) {
      const labelled = s.getAttribute('aria-label') || (s.id && root.querySelector(`label[for="${s.id}"]`));
      expect(labelled).toBeTruthy();
    }
  });

  test('opening an account moves focus into it, and Back returns focus to the row', async () => {
    const root = await mount(<Popup actions={actions} />);
    const rowButton = rows(root).find((r) => r.dataset['accountId'] === C)!.querySelector<HTMLButtonElement>('button')!;
    rowButton.focus();
    await click(rowButton);
    expect(document.activeElement).toBe(root.querySelector('button.back'));
    await click(root.querySelector('button.back'));
    expect(document.activeElement).toBe(rowButton);
    // Escape leaves the detail too.
    await click(rowButton);
    expect(root.querySelector('[data-testid="account-detail"]')).not.toBeNull();
    await act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await settle();
    expect(root.querySelector('[data-testid="account-detail"]')).toBeNull();
    expect(document.activeElement).toBe(rowButton);
  });
});
