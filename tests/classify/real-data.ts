// Real rows from ../shared/data for the classifier tests, looked up by reference: every sentence a
// test uses is checked to occur in the row it cites, so the tables cannot drift from the data.
import { loadFbs, loadSms, loadWechat, type Row } from '../../scripts/lib/data';

let rows: Map<string, Row> | null = null;

/** `wechat:<id>`, `sms:<line index>` (zh_sms_spam.jsonl) or `fbs:<line index>` (fbs_sms_ads.jsonl, placeholders read as the loader reads them). */
export function row(ref: string): Row {
  if (rows === null) {
    rows = new Map();
    for (const r of loadWechat()) rows.set(`wechat:${r.id}`, r);
    for (const r of loadSms()) rows.set(`sms:${r.id.slice('sms-'.length)}`, r);
    for (const r of loadFbs()) rows.set(`fbs:${r.id.slice('fbs-'.length)}`, r);
  }
  const r = rows.get(ref);
  if (!r) throw new Error(`no row ${ref}`);
  return r;
}

/** The sentence, after checking that the cited row's title or text contains it. */
export function sentenceFrom(ref: string, sentence: string): string {
  const r = row(ref);
  if (!r.title.includes(sentence) && !r.text.includes(sentence)) throw new Error(`${ref} does not contain ${sentence}`);
  return sentence;
}
