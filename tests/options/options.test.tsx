// @vitest-environment happy-dom
// The options page over the mock Actions: thresholds with validation and preview, pinned and muted
// accounts, export, import (a bad file changes nothing and says why), delete all with confirmation.
import { beforeEach, describe, expect, test } from 'vitest';
import { emptyPrefs } from '../../src/core/prefs';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../src/core/transfer';
import { Options } from '../../src/options/Options';
import { mockActions, type MockActions } from '../../src/ui/mock-actions';
import { account, byText, choose, click, DAY, mount, NOW, seedOf, settle, type, useLocale } from '../popup/helpers';
import { act } from 'preact/test-utils';

const HOSTILE = '<img src=x onerror=alert(1)>';
let actions: MockActions;

function seed() {
  const prefs = emptyPrefs();
  prefs.pins['MzPIN0000000='] = { name: '保留的号', since: NOW - 3 * DAY };
  prefs.pins['MzEVIL000000='] = { name: HOSTILE, since: NOW - 2 * DAY };
  prefs.mutes['MzMUTE000000='] = { name: '屏蔽的号', since: NOW - 2 * DAY, until: NOW + 5 * DAY };
  prefs.mutes['MzOLD0000000='] = { name: '过期的号', since: NOW - 40 * DAY, until: NOW - 10 * DAY };
  prefs.mutes['MzEVER000000='] = { name: '永久的号', since: NOW - DAY, until: null };
  return seedOf([account('MzMUTE000000=', '屏蔽的号', 'pppppp'), account('MzA000000000=', '甲', 'ppppps'), account('MzB000000000=', '乙', 'ssssss')], prefs);
}

beforeEach(() => {
  useLocale('zh_CN');
  actions = mockActions(seed());
});

async function pickFile(input: Element | null, text: string, name = 'export.json'): Promise<void> {
  const el = input as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(el, 'files', { value: [file], configurable: true });
  await act(() => {
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(8);
}

describe('pitch segments in articles', () => {
  test('shows the current choice and saves another at once; the thresholds are not sent with it', async () => {
    const root = await mount(<Options actions={actions} />);
    const group = root.querySelector<HTMLFieldSetElement>('[data-testid="pitch-display"]')!;
    expect(group.dataset['value']).toBe('mark');
    const radio = (mode: string) => group.querySelector<HTMLInputElement>(`input[value="${mode}"]`)!;
    expect(radio('mark').checked).toBe(true);
    expect([...group.querySelectorAll('.choice-name')].map((e) => e.textContent)).toEqual(['标记', '折叠', '不显示']);
    await click(radio('collapse'));
    expect(actions.sent.at(-1)).toEqual({ type: 'settings/update', settings: { pitchDisplay: 'collapse' } });
    expect(actions.prefs.settings.pitchDisplay).toBe('collapse');
    expect(root.querySelector<HTMLInputElement>('[data-testid="pitch-display"] input[value="collapse"]')!.checked).toBe(true);
    expect(root.querySelector('.status.ok')!.textContent).toContain('已保存');
    // Saving thresholds later leaves the choice alone.
    await type(root.querySelector('#set-minArticles'), '6');
    await click(root.querySelector<HTMLButtonElement>('[data-testid="thresholds"] button[type="submit"]')!);
    expect(actions.prefs.settings).toMatchObject({ minArticles: 6, pitchDisplay: 'collapse' });
  });
});

describe('thresholds', () => {
  test('shows the current settings, previews their effect and saves them (bounds as fractions)', async () => {
    const root = await mount(<Options actions={actions} />);
    const input = (k: string) => root.querySelector<HTMLInputElement>(`#set-${k}`)!;
    expect(input('minArticles').value).toBe('5');
    expect(input('muteBound').value).toBe('40');
    const preview = root.querySelector('[data-testid="thresholds-preview"]')!;
    expect(preview.textContent).toBe('按这些设置，现在会建议屏蔽 1 个、取关 0 个公众号。');
    const save = root.querySelector<HTMLButtonElement>('[data-testid="thresholds"] button[type="submit"]')!;
    expect(save.disabled).toBe(true);
    await type(input('minArticles'), '7');
    expect(preview.textContent).toBe('按这些设置，现在会建议屏蔽 0 个、取关 0 个公众号。');
    await type(input('muteBound'), '30');
    await type(input('minArticles'), '6');
    expect(save.disabled).toBe(false);
    await click(save);
    expect(actions.sent.at(-1)).toEqual({ type: 'settings/update', settings: { minArticles: 6, muteBound: 0.3, unfollowMinArticles: 8, unfollowBound: 0.6 } });
    expect(actions.prefs.settings.muteBound).toBe(0.3);
    expect(root.querySelector('.status.ok')!.textContent).toContain('已保存');
  });

  test('an out-of-range value says so and cannot be saved', async () => {
    const root = await mount(<Options actions={actions} />);
    await type(root.querySelector('#set-muteBound'), '150');
    expect(root.querySelector('#help-muteBound')!.textContent).toBe('请输入 0 到 100 之间的整数。');
    expect(root.querySelector('#set-muteBound')!.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector<HTMLButtonElement>('[data-testid="thresholds"] button[type="submit"]')!.disabled).toBe(true);
    await type(root.querySelector('#set-muteBound'), '2.5');
    expect(root.querySelector<HTMLButtonElement>('[data-testid="thresholds"] button[type="submit"]')!.disabled).toBe(true);
    expect(actions.sent).toEqual([]);
  });

  test('restore defaults fills the default values back in', async () => {
    actions.prefs.settings = { ...actions.prefs.settings, minArticles: 9, muteBound: 0.5, unfollowMinArticles: 12, unfollowBound: 0.7 };
    const root = await mount(<Options actions={actions} />);
    expect(root.querySelector<HTMLInputElement>('#set-minArticles')!.value).toBe('9');
    await click(byText(root, 'button', '恢复默认值'));
    expect(root.querySelector<HTMLInputElement>('#set-minArticles')!.value).toBe('5');
    expect(root.querySelector<HTMLInputElement>('#set-unfollowBound')!.value).toBe('60');
  });
});

describe('pinned and muted accounts', () => {
  test('lists pins (names as text) and unpins', async () => {
    const root = await mount(<Options actions={actions} />);
    const pins = [...root.querySelectorAll<HTMLElement>('[data-testid="pin-row"]')];
    expect(pins.map((p) => p.dataset['accountId'])).toEqual(['MzEVIL000000=', 'MzPIN0000000=']);
    expect(pins[0]!.querySelector('bdi.name')!.textContent).toBe(HOSTILE);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    await click(pins[1]!.querySelector('button'));
    expect(actions.sent.at(-1)).toEqual({ type: 'account/pin', accountId: 'MzPIN0000000=', name: '保留的号', pinned: false });
    expect(root.querySelectorAll('[data-testid="pin-row"]')).toHaveLength(1);
    // Undo is offered here too.
    await click(root.querySelector('[data-testid="undo"]'));
    expect(root.querySelectorAll('[data-testid="pin-row"]')).toHaveLength(2);
  });

  test('lists mutes with their expiry, changes the expiry and unmutes', async () => {
    const root = await mount(<Options actions={actions} />);
    const row = (id: string) => root.querySelector<HTMLElement>(`[data-testid="mute-row"][data-account-id="${id}"]`)!;
    expect(row('MzEVER000000=').textContent).toContain('永久屏蔽');
    expect(row('MzMUTE000000=').textContent).toContain('屏蔽至');
    expect(row('MzMUTE000000=').dataset['active']).toBe('true');
    expect(row('MzOLD0000000=').dataset['active']).toBe('false');
    expect(row('MzOLD0000000=').textContent).toContain('到期');
    await choose(row('MzMUTE000000=').querySelector('[data-testid="expiry-select"]'), 'never');
    expect(actions.sent.at(-1)).toEqual({ type: 'account/mute', accountId: 'MzMUTE000000=', name: '屏蔽的号', duration: 'never' });
    expect(actions.prefs.mutes['MzMUTE000000=']!.until).toBeNull();
    expect(row('MzMUTE000000=').textContent).toContain('永久屏蔽');
    await click(byText(row('MzEVER000000='), 'button', '取消屏蔽'));
    expect(actions.sent.at(-1)).toEqual({ type: 'account/unmute', accountId: 'MzEVER000000=' });
    expect(actions.prefs.mutes['MzEVER000000=']).toBeUndefined();
  });
});

describe('export and import', () => {
  test('export offers one JSON file of everything', async () => {
    const root = await mount(<Options actions={actions} />);
    await click(root.querySelector('[data-testid="export"]'));
    expect(actions.saved).toHaveLength(1);
    const { name, text, type: mime } = actions.saved[0]!;
    expect(name).toMatch(/^declutter-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(mime).toBe('application/json');
    const file = JSON.parse(text);
    expect(file.format).toBe(EXPORT_FORMAT);
    expect(file.accounts).toHaveLength(3);
    expect(file.prefs.pins['MzPIN0000000=']).toBeDefined();
    expect(root.querySelector('.status.ok')!.textContent).toBe('已导出 3 个公众号、18 篇文章。');
  });

  test.each([
    ['not json {', '这个文件不是 JSON，没有导入任何内容。'],
    ['{"hello": 1}', '这不是公众号清理助手导出的文件，没有导入任何内容。'],
    [JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION + 1 }), '这个文件来自更新版本的扩展，请先更新扩展。没有导入任何内容。'],
    [JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: 1, accounts: [{ id: '' }], articles: [], prefs: emptyPrefs() }), '文件内容有误（accounts.0.id'],
  ])('a bad file changes nothing and says why: %s', async (text, words) => {
    const before = { accounts: [...actions.accounts.keys()], prefs: structuredClone(actions.prefs) };
    const root = await mount(<Options actions={actions} />);
    await pickFile(root.querySelector('[data-testid="import"]'), text);
    expect(actions.sent.at(-1)).toMatchObject({ type: 'data/import' });
    expect(root.querySelector('.status.error')!.textContent).toContain(words);
    expect({ accounts: [...actions.accounts.keys()], prefs: actions.prefs }).toEqual(before);
  });

  test('a good file merges and reports the counts', async () => {
    const other = mockActions(seedOf([account('MzNEW0000000=', '新号', 'pps')]));
    const file = (await other.send({ type: 'data/export' })) as { ok: true; file: unknown };
    const root = await mount(<Options actions={actions} />);
    await pickFile(root.querySelector('[data-testid="import"]'), JSON.stringify(file.file));
    expect(root.querySelector('.status.ok')!.textContent).toBe('已导入：新增 1 个公众号、3 篇文章、0 条更正。');
    expect(actions.accounts.has('MzNEW0000000=')).toBe(true);
    expect(actions.accounts.has('MzA000000000=')).toBe(true);
  });

  test('in English the error is in English', async () => {
    useLocale('en');
    const root = await mount(<Options actions={actions} />);
    await pickFile(root.querySelector('[data-testid="import"]'), 'nope');
    expect(root.querySelector('.status.error')!.textContent).toBe("That file isn't JSON; nothing was imported.");
  });
});

describe('delete all data', () => {
  test('needs the confirmation word typed before anything is deleted', async () => {
    const root = await mount(<Options actions={actions} />);
    await click(root.querySelector('[data-testid="delete-all"]'));
    const confirm = root.querySelector<HTMLButtonElement>('[data-testid="delete-confirm-button"]')!;
    expect(confirm.disabled).toBe(true);
    expect(document.activeElement).toBe(root.querySelector('[data-testid="delete-word"]'));
    await type(root.querySelector('[data-testid="delete-word"]'), '删');
    expect(confirm.disabled).toBe(true);
    expect(actions.sent).toEqual([]);
    await type(root.querySelector('[data-testid="delete-word"]'), '删除');
    expect(confirm.disabled).toBe(false);
    await click(confirm);
    expect(actions.sent.at(-1)).toEqual({ type: 'data/delete-all', confirm: true });
    expect(actions.accounts.size).toBe(0);
    expect(actions.prefs).toEqual(emptyPrefs());
    expect(root.querySelector('.status.ok')!.textContent).toBe('所有数据已删除。');
    expect(root.querySelector('[data-testid="delete-confirm"]')).toBeNull();
  });

  test('cancel leaves everything as it was', async () => {
    const root = await mount(<Options actions={actions} />);
    await click(root.querySelector('[data-testid="delete-all"]'));
    await click(byText(root, '[data-testid="delete-confirm"] button', '取消'));
    expect(root.querySelector('[data-testid="delete-confirm"]')).toBeNull();
    expect(actions.sent).toEqual([]);
    expect(actions.accounts.size).toBe(3);
  });
});

test('the privacy statement says nothing leaves the device', async () => {
  const root = await mount(<Options actions={actions} />);
  expect(root.querySelector('.privacy')!.textContent).toContain('不会发送到任何地方');
});
