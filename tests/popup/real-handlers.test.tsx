// @vitest-environment happy-dom
// The popup over the real service-worker handlers and storage (fake-indexeddb): after the reader
// sees a mostly promotional account and a service account, only the first is suggested; Mute writes
// the real pref and Undo restores storage exactly (also when storage.sync refuses it and it falls
// back to storage.local); a correction moves the real tally; an unfollow tick is the real pref too.
import { beforeEach, expect, test } from 'vitest';
import { freshDb, observation } from '../storage/fresh-db';
import { MemoryArea } from '../storage/memory-area';
import { handle, type Context } from '../../src/background/handlers';
import { Popup } from '../../src/popup/Popup';
import { getAccount, recordObservation } from '../../src/storage/store';
import { byText, click, mount, rows, suggestions, useLocale, waitFor } from './helpers';
import { handlerActions } from './handler-actions';

const NOW = Date.UTC(2026, 10, 25, 4);
let ctx: Context;

beforeEach(async () => {
  useLocale('zh_CN');
  localStorage.clear();
  await freshDb();
  ctx = { areas: { sync: new MemoryArea(8192), local: new MemoryArea() }, now: () => NOW };
  for (let i = 0; i < 8; i++) await recordObservation(observation('Promo', i === 3 ? 'service' : 'promotional'), NOW - (8 - i) * 3_600_000);
  for (let i = 0; i < 8; i++) await recordObservation(observation('Serv', i === 5 ? 'promotional' : 'service'), NOW - (8 - i) * 3_600_000);
});

function storageSnapshot() {
  return {
    sync: Object.fromEntries((ctx.areas.sync as MemoryArea).items),
    local: Object.fromEntries((ctx.areas.local as MemoryArea).items),
  };
}

test('only the promotional account is suggested; mute writes the pref and undo restores storage exactly', async () => {
  const actions = handlerActions(ctx);
  const root = await mount(<Popup actions={actions} />);
  expect(rows(root).map((r) => r.dataset['accountId']).sort()).toEqual(['MzPromo', 'MzServ']);
  const list = suggestions(root);
  expect(list.map((s) => s.dataset['accountId'])).toEqual(['MzPromo']);
  expect(list[0]!.querySelector('.reason')!.textContent).toBe('最近 8 篇中有 7 篇是推广');

  const before = storageSnapshot();
  await click(list[0]!.querySelector('[data-testid="mute-button"]'));
  const muted = storageSnapshot();
  expect(muted.sync['mute:MzPromo']).toEqual({ name: '账号Promo', since: NOW, until: NOW + 30 * 86_400_000 });
  expect(rows(root).find((r) => r.dataset['accountId'] === 'MzPromo')!.dataset['muted']).toBe('true');

  await click(root.querySelector('[data-testid="undo"]'));
  expect(storageSnapshot()).toEqual(before);
  expect(root.querySelector('[data-testid="undo"]')).toBeNull();
  expect(rows(root).find((r) => r.dataset['accountId'] === 'MzPromo')!.dataset['muted']).toBe('false');
});

test('a correction in the account detail moves the stored tally, and undo moves it back', async () => {
  const actions = handlerActions(ctx);
  const root = await mount(<Popup actions={actions} />);
  await click(rows(root).find((r) => r.dataset['accountId'] === 'MzServ')!.querySelector('button'));
  const promoArticle = [...root.querySelectorAll<HTMLElement>('[data-testid="article"]')].find((a) => a.dataset['label'] === 'promotional')!;
  expect((await getAccount('MzServ'))!.promo).toBe(1);
  await click(byText(promoArticle, 'button', '不是推广'));
  expect((await getAccount('MzServ'))!.promo).toBe(0);
  // The row follows once the popup has read the data again (a few fake-indexeddb round trips).
  await waitFor(() => rows(root).find((r) => r.dataset['accountId'] === 'MzServ')!.dataset['promoRatio'] === '0');
  await click(root.querySelector('[data-testid="undo"]'));
  expect((await getAccount('MzServ'))!.promo).toBe(1);
  const again = (): HTMLElement => root.querySelector<HTMLElement>(`[data-testid="article"][data-key="${promoArticle.dataset['key']}"]`)!;
  await waitFor(() => again().dataset['label'] === 'promotional');
  expect(again().dataset['corrected']).toBe('false');
});

test('an account whose useful articles mostly carry a sales block: the gentler suggestion, the count on its row and detail; Dismiss holds', async () => {
  const pitch = [{ start: 20, end: 24, strength: 0.8, share: 0.18 }];
  for (let i = 0; i < 10; i++) {
    const segments = i < 8 ? pitch : [];
    await recordObservation(observation('Inside', 'service', { verdict: { label: 'service', promoScore: 0.3, reasons: [], segments, paragraphs: 20 } }), NOW - (10 - i) * 3_600_000);
  }
  const root = await mount(<Popup actions={handlerActions(ctx)} />);
  const card = suggestions(root).find((s) => s.dataset['accountId'] === 'MzInside')!;
  expect(card.dataset['action']).toBe('ads-inside');
  // After the promotional account's mute suggestion: it is the gentler kind.
  expect(suggestions(root).map((s) => s.dataset['action'])).toEqual(['mute', 'ads-inside']);
  expect(card.querySelector('.tag')!.textContent).toBe('含推广段落');
  expect(card.querySelector('.reason')!.textContent).toBe('最近 10 篇中有 8 篇含推广段落');
  expect(card.querySelector('.evidence')!.textContent).toMatch(/^共 10 篇：8 篇含推广段落，0 篇推广 · 带推广的至少占 \d+%$/);
  expect(card.querySelector('[data-testid="mute-button"]')).not.toBeNull();
  expect(card.querySelector('[data-testid="unfollow-button"]')).toBeNull();
  const row = rows(root).find((r) => r.dataset['accountId'] === 'MzInside')!;
  expect(row.dataset['adsInside']).toBe('8');
  expect(row.textContent).toContain('含推广段落 8');

  await click(card.querySelector('.name-button'));
  const detail = root.querySelector<HTMLElement>('[data-testid="account-detail"]')!;
  expect(detail.querySelector('[data-testid="detail-ads-inside"]')!.textContent).toBe('含推广段落 8 篇');
  await waitFor(() => detail.querySelectorAll('[data-testid="article"]').length === 10);
  const marked = [...detail.querySelectorAll<HTMLElement>('[data-testid="article"]')].filter((a) => a.dataset['adsInside'] === 'true');
  expect(marked).toHaveLength(8);
  expect(marked[0]!.querySelector('[data-testid="pitch-segment"]')!.textContent).toBe('第 21–25 段在推广 · 占全文 18%');
  await click(root.querySelector('.back'));

  await click(suggestions(root).find((s) => s.dataset['accountId'] === 'MzInside')!.querySelector('[data-testid="dismiss-button"]'));
  expect(suggestions(root).map((s) => s.dataset['accountId'])).toEqual(['MzPromo']);
  expect((ctx.areas.sync as MemoryArea).items.get('dismiss:MzInside')).toMatchObject({ selling: expect.any(Number), bound: expect.any(Number) });
});

test('ticking an account off the unfollow checklist writes the real pref; it leaves the suggestions, and undo restores storage exactly', async () => {
  for (let i = 0; i < 14; i++) await recordObservation(observation('Worse', 'promotional'), NOW - (20 - i) * 3_600_000);
  const actions = handlerActions(ctx);
  const root = await mount(<Popup actions={actions} />);
  expect(suggestions(root).find((s) => s.dataset['accountId'] === 'MzWorse')!.dataset['action']).toBe('unfollow');
  const before = storageSnapshot();

  await click(root.querySelector('[data-testid="open-checklist"]'));
  const box = () => root.querySelector<HTMLInputElement>('[data-testid="checklist-item"][data-account-id="MzWorse"] input[type="checkbox"]')!;
  await click(box());
  expect(storageSnapshot().sync['unfollow:MzWorse']).toEqual({ name: '账号Worse', at: NOW });
  expect(box().checked).toBe(true);
  await click(root.querySelector('button.back'));
  expect(suggestions(root).some((s) => s.dataset['accountId'] === 'MzWorse')).toBe(false);
  expect(rows(root).find((r) => r.dataset['accountId'] === 'MzWorse')!.dataset['follow']).toBe('unfollowed');

  await click(root.querySelector('[data-testid="undo"]'));
  expect(storageSnapshot()).toEqual(before);
  expect(suggestions(root).some((s) => s.dataset['accountId'] === 'MzWorse')).toBe(true);
});

test('a mute that storage.sync refuses is kept in storage.local and still mutes; undo clears it', async () => {
  // Sync full for this item (its write quota or sync turned off): the handler's write falls back.
  const refusing = ctx.areas.sync as MemoryArea;
  refusing.set = async () => {
    throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
  };
  const actions = handlerActions(ctx);
  const root = await mount(<Popup actions={actions} />);
  await click(suggestions(root)[0]!.querySelector('[data-testid="mute-button"]'));
  const stored = storageSnapshot();
  expect(stored.sync['mute:MzPromo']).toBeUndefined();
  expect(stored.local['mute:MzPromo']).toEqual({ name: '账号Promo', since: NOW, until: NOW + 30 * 86_400_000 });
  expect(rows(root).find((r) => r.dataset['accountId'] === 'MzPromo')!.dataset['muted']).toBe('true');
  // The worker's hot path (every article page asks) reads the fallback too.
  expect(await handle({ type: 'article/observed', observation: observation('Promo', 'promotional') }, ctx)).toMatchObject({ ok: true, muted: true });

  await click(root.querySelector('[data-testid="undo"]'));
  expect(storageSnapshot().local['mute:MzPromo']).toBeUndefined();
  expect(rows(root).find((r) => r.dataset['accountId'] === 'MzPromo')!.dataset['muted']).toBe('false');
});
