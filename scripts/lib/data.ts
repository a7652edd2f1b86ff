// Loads the labelled data sets from ../shared/data (read-only) into one row shape, and fixes the
// corpora's known artifacts at this boundary (sms800k's x-masked digits, FBS's placeholders), so
// neither the model nor its evaluation can lean on how a source was anonymised.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Label } from '../../src/core/article';
import { SHARED_DIR } from '../shared-dir';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const DATA_DIR = resolve(SHARED_DIR, 'data');

export interface Row {
  id: string;
  title: string;
  text: string;
  label: Label;
  split: 'train' | 'test';
  source: string;
  /** Rows with the same group never fall on both sides of a cross-validation fold. */
  group: string;
  confidence?: 'high' | 'low';
  account?: string;
  /** wechat-articles rows: the account's kind (security, media, education, …) and the language. */
  domain?: string;
  lang?: string;
}

/** A row's pitch paragraphs as segments.jsonl (or a written example) marks them. */
export interface SegmentRow {
  id: string;
  split: 'train' | 'test';
  label: Label;
  paragraphs: number;
  /** Inclusive ranges of paragraph indices (`text.split('\n')`). */
  pitch: [number, number][];
  titleOffer: boolean;
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function label(v: unknown): Label {
  if (v === 'promotional' || v === 'service') return v;
  throw new Error(`bad label ${String(v)}`);
}

function split(v: unknown): 'train' | 'test' {
  if (v === 'train' || v === 'test') return v;
  throw new Error(`bad split ${String(v)}`);
}

/** Accounts of one organisation share a name prefix (腾讯安全…, OPPO安全…): keep them in one fold. */
export function accountGroup(account: string): string {
  return account.replace(/\s+/g, '').slice(0, 4);
}

export function loadWechat(): Row[] {
  return readJsonl(resolve(DATA_DIR, 'wechat-articles/articles.jsonl')).map((r) => {
    const account = str(r.account);
    return {
      id: str(r.id),
      title: str(r.title),
      text: str(r.text),
      label: label(r.label),
      split: split(r.split),
      source: 'wechat-articles',
      group: accountGroup(account),
      confidence: r.confidence === 'low' ? 'low' : 'high',
      account,
      domain: str(r.domain) || 'misc',
      lang: str(r.lang) || 'zh',
    };
  });
}

function ranges(v: unknown, where: string): [number, number][] {
  if (!Array.isArray(v)) throw new Error(`${where}: pitch is not a list`);
  return v.map((r) => {
    if (!Array.isArray(r) || r.length !== 2 || !Number.isInteger(r[0]) || !Number.isInteger(r[1]) || r[0] > r[1]) throw new Error(`${where}: bad range ${JSON.stringify(r)}`);
    return [r[0] as number, r[1] as number];
  });
}

/** segments.jsonl: the paragraphs annotators marked as pitch, by article id. */
export function loadSegments(): Map<string, SegmentRow> {
  const out = new Map<string, SegmentRow>();
  for (const r of readJsonl(resolve(DATA_DIR, 'wechat-articles/segments.jsonl'))) {
    const id = str(r.id);
    out.set(id, { id, split: split(r.split), label: label(r.label), paragraphs: Number(r.paragraphs), pitch: ranges(r.pitch, id), titleOffer: r.title_offer === true });
  }
  return out;
}

export const WRITTEN_PATH = resolve(REPO_ROOT, 'scripts/train-data/written-articles.jsonl');
export const SOURCED_PATH = resolve(REPO_ROOT, 'scripts/train-data/sourced-articles.jsonl');

/** The extra training files in scripts/train-data, by the `provenance` each of their rows must carry. */
export type Provenance = 'written' | 'sourced';

/**
 * Extra training rows kept in the repository (scripts/train-data/README.md). Training only, never
 * evaluation: cross-validation learns from them and never scores them.
 * - `written`: examples the project wrote itself (consumer, local and English promotions that public
 *   archives lack, and service articles in the same registers); each is its own group.
 * - `sourced`: real articles the project gathered from public archives that the corpus does not use,
 *   labelled under the same LABELING.md; grouped by account like the corpus.
 */
export function loadExtra(provenance: Provenance): { rows: Row[]; segments: Map<string, SegmentRow> } {
  const rows: Row[] = [];
  const segments = new Map<string, SegmentRow>();
  let raw: Record<string, unknown>[];
  try {
    raw = readJsonl(provenance === 'written' ? WRITTEN_PATH : SOURCED_PATH);
  } catch {
    return { rows, segments };
  }
  for (const r of raw) {
    if (r.provenance !== provenance) throw new Error(`${str(r.id)}: a ${provenance} example must say "provenance": "${provenance}"`);
    const id = str(r.id);
    const text = str(r.text);
    const account = str(r.account);
    const group = provenance === 'written' ? `written:${id}` : `sourced:${accountGroup(account)}`;
    rows.push({ id, title: str(r.title), text, label: label(r.label), split: 'train', source: provenance, group, confidence: r.confidence === 'low' ? 'low' : 'high', account, domain: str(r.domain), lang: str(r.lang) || 'zh' });
    segments.set(id, { id, split: 'train', label: label(r.label), paragraphs: text.split('\n').length, pitch: ranges(r.pitch, id), titleOffer: r.title_offer === true });
  }
  return { rows, segments };
}

/** The wechat-articles ids that duplicate fixture pages, as listed in its LABELING.md. */
export function fixtureDuplicateIds(): Set<string> {
  const md = readFileSync(resolve(DATA_DIR, 'wechat-articles/LABELING.md'), 'utf8');
  const section = md.split('## Overlap with the real-page fixtures')[1]?.split('\n## ')[0] ?? '';
  const ids = new Set<string>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('- ')) continue;
    for (const m of line.matchAll(/`([a-z0-9-]+)`/g)) ids.add(m[1]!);
  }
  if (ids.size !== 17) throw new Error(`expected 17 fixture duplicates in LABELING.md, found ${ids.size}`);
  return ids;
}

/** sms800k masks digits as x: read them as digits again, so x is not a spam marker. */
export function unmaskSms800k(text: string): string {
  return text.replace(/(?<![a-zA-Z])[xX]+(?![a-zA-Z])/g, '0');
}

/**
 * The sender of an SMS, from its signature (【招商银行】, [京东] at the end): messages of one sender
 * form a group, so a model must find a word in several senders' messages before it may learn it,
 * and cross-validation never tests a sender it trained on. Brand names are not evidence.
 */
export function smsSender(text: string): string | null {
  const m = /【([^【】]{1,20})】/.exec(text) ?? /\[([^[\]]{1,20})\]\s*$/.exec(text);
  return m ? m[1]!.replace(/\s+/g, '') : null;
}

export function loadSms(): Row[] {
  return readJsonl(resolve(DATA_DIR, 'corpora/zh_sms_spam.jsonl')).map((r, i) => {
    const source = str(r.source);
    const text = source === 'sms800k_head10k' ? unmaskSms800k(str(r.text)) : str(r.text);
    const sender = smsSender(text);
    const group = sender ? `sender:${sender}` : `sms-${i}`;
    return { id: `sms-${i}`, title: '', text, label: label(r.label), split: split(r.split), source, group };
  });
}

/** FBS placeholders: DIGIT was a number; the others hid a name, place, phone, WeChat id or URL: dropped. */
export function unmaskFbs(text: string): string {
  return text.replace(/DIGIT/g, '0').replace(/CELLPHONE|PHONE|HOTLINE|WECHAT|NAME|PLACE|URL/g, '');
}

export function loadFbs(): Row[] {
  return readJsonl(resolve(DATA_DIR, 'corpora/fbs_sms_ads.jsonl')).map((r, i) => ({
    id: `fbs-${i}`,
    title: '',
    text: unmaskFbs(str(r.text)),
    label: label(r.label),
    split: split(r.split),
    source: `fbs ${str(r.category)}`,
    group: `fbs-${i}`,
  }));
}

/** liuli rows: the title, and as body the keywords the liuli author took from the article. */
export function loadLiuli(withKeywords: boolean): Row[] {
  return readJsonl(resolve(DATA_DIR, 'corpora/wechat_liuli_ads.jsonl')).map((r, i) => ({
    id: `liuli-${i}`,
    title: str(r.title),
    text: withKeywords ? str(r.keywords) : '',
    label: label(r.label),
    split: split(r.split),
    source: 'liuli',
    group: `liuli-${i}`,
  }));
}
