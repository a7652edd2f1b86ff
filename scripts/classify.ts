// npm run -s classify -- FILE...: classifies saved pages (.html, read with the content script's
// extractor) and JSON Lines files (.jsonl, rows {id, title, text}, optional account), printing one
// JSON line per article: {"id", "label", "promoScore", "reasons", "segments"} (segments: inclusive
// ranges of the input's paragraph indices, `text.split('\n')` or the extractor's lines). Problems go to stderr with the
// file (and line); the other files are still classified, and the exit code is 1 if any failed.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { classify } from '../src/core/classify/index';
import { z } from '../src/core/zod';
import { extractArticle } from '../src/extract/index';
import type { ClassifyInput } from '../src/core/article';

const JsonlRow = z.object({
  id: z.union([z.string().check(z.minLength(1)), z.number()]),
  title: z.string(),
  text: z.string(),
  account: z.optional(z.string()),
});

let failures = 0;

function fail(where: string, message: string): void {
  failures++;
  process.stderr.write(`${where}: ${message}\n`);
}

function emit(id: string, input: ClassifyInput): void {
  const v = classify(input);
  process.stdout.write(JSON.stringify({ id, label: v.label, promoScore: v.promoScore, reasons: v.reasons, segments: v.segments.map((s) => [s.start, s.end]) }) + '\n');
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    fail(file, `cannot read file (${cause instanceof Error ? cause.message : String(cause)})`);
    return null;
  }
}

function classifyHtml(file: string): void {
  const html = readText(file);
  if (html === null) return;
  const url = `https://mp.weixin.qq.com/s/${basename(file, extname(file))}`;
  const { document } = parseHTML(html);
  const result = extractArticle(document, url);
  if (!result.ok) {
    fail(file, `not an article page (${result.reason}): ${result.message}`);
    return;
  }
  const a = result.article;
  emit(file, { title: a.title, body: a.body, cues: a.cues });
}

function classifyJsonl(file: string): void {
  const text = readText(file);
  if (text === null) return;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      fail(where, 'not valid JSON');
      return;
    }
    const row = JsonlRow.safeParse(value);
    if (!row.success) {
      const issue = row.error.issues[0];
      fail(where, `expected {id, title, text}: ${issue ? `${issue.path.join('.') || 'row'}: ${issue.message}` : 'bad row'}`);
      return;
    }
    emit(String(row.data.id), { title: row.data.title, body: row.data.text });
  });
}

function main(files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('usage: npm run -s classify -- FILE...   (FILE: a saved page .html, or .jsonl rows {id, title, text})\n');
    return 2;
  }
  for (const file of files) {
    const ext = extname(file).toLowerCase();
    if (ext === '.html' || ext === '.htm') classifyHtml(file);
    else if (ext === '.jsonl') classifyJsonl(file);
    else fail(file, 'unsupported file type (expected .html or .jsonl)');
  }
  return failures > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
