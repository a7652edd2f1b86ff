// The trained model file's shape and its compilation into lookup tables. The file is made by
// `npm run train` (scripts/train.ts) and committed; this module only reads it. The wording tables
// are built from their packed strings on first use, each one only when a text needs it: a page
// with a titled article never pays for the message table.
import { CUES } from './cues/index';
import { ARTICLE_FEATURES, MESSAGE_FEATURES, VERDICT_FEATURES, type WordingBaseline } from './features';
import { unpackGrams, type GramTable, type PackedGrams } from './ngrams';
import { PARAGRAPH_FEATURES } from './paragraphs';
import modelFile from './model.json';

export const MODEL_VERSION = 3;

export interface LinearHead {
  weights: number[];
  bias: number;
}

export interface WordingFile {
  grams: PackedGrams;
  bias: number;
}

export interface ModelFile {
  version: number;
  /** Cue ids and feature names: a guard against a model trained for another cue or feature list. */
  cues: string[];
  features: { article: string[]; verdict: string[]; paragraph: string[]; message: string[] };
  /** The article's evidence before segments: its log-odds is context for the paragraphs. */
  article: LinearHead;
  /** Each paragraph's pitch log-odds, and the cost of switching between pitch and not in a run. */
  paragraph: LinearHead & { switchCost: number };
  /** The verdict on a titled article: its evidence and its pitch segments. */
  verdict: LinearHead;
  /** The verdict on an untitled message (SMS-like). */
  message: LinearHead;
  /** Wording models: pitch paragraphs, offer titles, promotional messages (n-gram log-odds). */
  wording: { paragraph: WordingFile; title: WordingFile; message: WordingFile };
  /** An ordinary train article's paragraph wording (features.ts). */
  wordingBaseline: WordingBaseline;
  /** How it was made (data, hyper-parameters, cross-validated figures): for people, not used here. */
  meta: Record<string, unknown>;
}

export interface Head {
  weights: Float64Array;
  bias: number;
}

export interface Wording {
  bias: number;
  /** The n-gram table, built on first call. */
  table(): GramTable;
}

export interface Model {
  article: Head;
  paragraph: Head & { switchCost: number };
  verdict: Head;
  message: Head;
  wording: { paragraph: Wording; title: Wording; message: Wording };
  wordingBaseline: WordingBaseline;
}

function head(h: LinearHead, length: number, name: string): Head {
  if (!Array.isArray(h?.weights) || h.weights.length !== length || !Number.isFinite(h.bias)) {
    throw new Error(`classifier model: bad ${name} head: run npm run train`);
  }
  return { weights: Float64Array.from(h.weights), bias: h.bias };
}

function wording(w: WordingFile): Wording {
  let table: GramTable | null = null;
  return { bias: w.bias, table: () => (table ??= unpackGrams(w.grams)) };
}

const names = (defs: readonly { name: string }[]): string => defs.map((f) => f.name).join();

export function compileModel(file: ModelFile): Model {
  if (
    file.version !== MODEL_VERSION ||
    file.cues.join() !== CUES.map((c) => c.id).join() ||
    file.features?.article.join() !== names(ARTICLE_FEATURES) ||
    file.features.verdict.join() !== names(VERDICT_FEATURES) ||
    file.features.paragraph.join() !== names(PARAGRAPH_FEATURES) ||
    file.features.message.join() !== names(MESSAGE_FEATURES) ||
    !Number.isFinite(file.wordingBaseline?.selling) ||
    !Number.isFinite(file.wordingBaseline?.informative)
  ) {
    throw new Error('classifier model does not match the cue and feature lists: run npm run train');
  }
  return {
    article: head(file.article, ARTICLE_FEATURES.length, 'article'),
    paragraph: { ...head(file.paragraph, PARAGRAPH_FEATURES.length, 'paragraph'), switchCost: file.paragraph.switchCost },
    verdict: head(file.verdict, VERDICT_FEATURES.length, 'verdict'),
    message: head(file.message, MESSAGE_FEATURES.length, 'message'),
    wording: { paragraph: wording(file.wording.paragraph), title: wording(file.wording.title), message: wording(file.wording.message) },
    wordingBaseline: { selling: file.wordingBaseline.selling, informative: file.wordingBaseline.informative },
  };
}

let model: Model | null = null;

/** The committed model, compiled on first use. */
export function defaultModel(): Model {
  // The JSON's inferred type is checked at run time (compileModel) rather than trusted.
  model ??= compileModel(modelFile as unknown as ModelFile);
  return model;
}
