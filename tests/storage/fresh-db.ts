// A fresh in-memory IndexedDB per test (fake-indexeddb): storage code opens the global `indexedDB`.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { closeDb } from '../../src/storage/db';
import type { Observation } from '../../src/core/records';

export async function freshDb(): Promise<void> {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
}

let mid = 1000;
export function observation(account: string, label: 'service' | 'promotional', over: Partial<Observation> = {}): Observation {
  const m = mid++;
  return {
    key: `Mz${account}:${m}:1`,
    accountId: `Mz${account}`,
    accountName: `账号${account}`,
    accountUsername: `gh_${account}`,
    title: `标题 ${m}`,
    url: `http://mp.weixin.qq.com/s?__biz=Mz${account}&mid=${m}&idx=1`,
    kind: 'article',
    publishedAt: 1_760_000_000_000,
    verdict: { label, promoScore: label === 'promotional' ? 0.9 : 0.1, reasons: [], segments: [], paragraphs: 0 },
    ...over,
  };
}
