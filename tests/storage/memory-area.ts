// An in-memory stand-in for a `browser.storage` area, with an optional per-item quota like sync's.
import type { Area } from '../../src/storage/prefs-store';

export class MemoryArea implements Area {
  items = new Map<string, unknown>();
  constructor(private readonly maxItemBytes = Infinity) {}
  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    const wanted = keys == null ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (this.items.has(k)) out[k] = structuredClone(this.items.get(k));
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(items)) {
      if (k.length + JSON.stringify(v).length > this.maxItemBytes) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    for (const [k, v] of Object.entries(items)) this.items.set(k, structuredClone(v));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.items.delete(k);
  }
}
