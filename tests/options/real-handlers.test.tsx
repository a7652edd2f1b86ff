// @vitest-environment happy-dom
// The options page over the real service-worker handlers and storage (fake-indexeddb, in-memory
// storage areas): thresholds saved through the real `settings/update`, and an import that merges
// the reader's corrections into the real tallies (the file's fill in, the reader's own win).
import { beforeEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { freshDb, observation } from '../storage/fresh-db';
import { MemoryArea } from '../storage/memory-area';
import { handle, type Context } from '../../src/background/handlers';
import type { ExportFile } from '../../src/core/transfer';
import { parseRequest, type Request } from '../../src/messages';
import { Options } from '../../src/options/Options';
import { readPrefs } from '../../src/storage/prefs-store';
import { accountArticles, getAccount, recordObservation } from '../../src/storage/store';
import { handlerActions } from '../popup/handler-actions';
import { click, mount, settle, type, useLocale } from '../popup/helpers';

const NOW = Date.UTC(2026, 10, 25, 4);
let ctx: Context;

beforeEach(async () => {
  useLocale('zh_CN');
  await freshDb();
  ctx = { areas: { sync: new MemoryArea(8192), local: new MemoryArea() }, now: () => NOW };
  for (let i = 0; i < 6; i++) await recordObservation(observation('Serv', i === 2 ? 'promotional' : 'service'), NOW - (8 - i) * 3_600_000);
});

async function call(request: Request) {
  const parsed = parseRequest(request, false);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.reply));
  return handle(parsed.request, ctx);
}

async function pickFile(input: Element | null, text: string): Promise<void> {
  const el = input as HTMLInputElement;
  Object.defineProperty(el, 'files', { value: [new File([text], 'export.json', { type: 'application/json' })], configurable: true });
  await act(() => {
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(12);
}

describe('thresholds', () => {
  test('Save writes the settings through the real handler; the page reads them back', async () => {
    const root = await mount(<Options actions={handlerActions(ctx)} />);
    await type(root.querySelector('#set-minArticles'), '7');
    await type(root.querySelector('#set-unfollowBound'), '75');
    await click(root.querySelector('[data-testid="thresholds"] button[type="submit"]'));
    expect(root.querySelector('.status.ok')!.textContent).toContain('已保存');
    expect((ctx.areas.sync as MemoryArea).items.get('settings')).toEqual({ minArticles: 7, muteBound: 0.4, unfollowMinArticles: 8, unfollowBound: 0.75, pitchDisplay: 'mark' });
    expect((await readPrefs(ctx.areas)).settings).toEqual({ minArticles: 7, muteBound: 0.4, unfollowMinArticles: 8, unfollowBound: 0.75, pitchDisplay: 'mark' });

    const again = await mount(<Options actions={handlerActions(ctx)} />);
    expect(again.querySelector<HTMLInputElement>('#set-minArticles')!.value).toBe('7');
    expect(again.querySelector<HTMLInputElement>('#set-unfollowBound')!.value).toBe('75');
  });

  test('a partial update keeps the other settings', async () => {
    await call({ type: 'settings/update', settings: { muteBound: 0.5 } });
    await call({ type: 'settings/update', settings: { minArticles: 9 } });
    expect((await readPrefs(ctx.areas)).settings).toEqual({ minArticles: 9, muteBound: 0.5, unfollowMinArticles: 8, unfollowBound: 0.6, pitchDisplay: 'mark' });
  });
});

describe('import', () => {
  test('merges the reader’s corrections from the file into the tallies; a correction made here wins', async () => {
    const arts = await accountArticles('MzServ');
    const [fillIn, mine] = arts.filter((a) => a.model.label === 'service');
    const exported = await call({ type: 'data/export' });
    if (!('file' in exported)) throw new Error('no file');
    const file: ExportFile = structuredClone(exported.file);
    // The file was made on another device where the reader corrected two articles.
    for (const a of file.articles) {
      if (a.key === fillIn!.key) a.userLabel = 'promotional';
      if (a.key === mine!.key) a.userLabel = 'service';
    }
    // Here the reader already corrected one of them the other way.
    await call({ type: 'article/correct', key: mine!.key, label: 'promotional' });
    expect(await getAccount('MzServ')).toMatchObject({ articles: 6, promo: 2 });

    const root = await mount(<Options actions={handlerActions(ctx)} />);
    await pickFile(root.querySelector('[data-testid="import"]'), JSON.stringify(file));
    expect(root.querySelector('.status.ok')!.textContent).toBe('已导入：新增 0 个公众号、0 篇文章、1 条更正。');
    const after = new Map((await accountArticles('MzServ')).map((a) => [a.key, a]));
    expect(after.get(fillIn!.key)!.userLabel).toBe('promotional');
    expect(after.get(mine!.key)!.userLabel).toBe('promotional');
    // The filled-in correction moved one count; nothing else changed.
    expect(await getAccount('MzServ')).toMatchObject({ articles: 6, promo: 3 });
    // Importing the same file again adds nothing.
    await pickFile(root.querySelector('[data-testid="import"]'), JSON.stringify(file));
    expect(root.querySelector('.status.ok')!.textContent).toBe('已导入：新增 0 个公众号、0 篇文章、0 条更正。');
    expect(await getAccount('MzServ')).toMatchObject({ articles: 6, promo: 3 });
  });
});
