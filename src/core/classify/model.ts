// The trained model file's shape and its compilation into lookup tables. The file is made by
// `npm run train` (scripts/train.ts) and committed; this module only reads it. The wording tables
// are built from their packed strings on first use, each one only when a text needs it: a page
// with a titled article never pays for the message table.
import { CUES } from './cues/index';
import { FEATURES } from './features';
import { unpackGrams, type GramTable, type PackedGrams } from './ngrams';
import modelFile from './model.json';

export interface ModelFile {
  version: number;
  /** Cue ids in feature order: a guard against a model trained for another cue list. */
  cues: string[];
  features: string[];
  weights: number[];
  /** Intercept, shifted so that promoScore 0.5 is the trained decision threshold. */
  bias: number;
  /** The article wording model (titled texts): packed n-grams with integer weights, and its intercept. */
  grams: PackedGrams;
  gramBias: number;
  /** The message wording model (untitled texts), same encoding. */
  messageGrams: PackedGrams;
  /**
   * How an untitled message is scored: the cue score (weights times features, no intercept) times
   * `cueScale`, plus `wording` times the message wording score, plus `bias` (threshold folded in).
   */
  message: MessageHead;
  /** How it was made (data, hyper-parameters, cross-validated figures): for people, not used here. */
  meta: Record<string, unknown>;
}

export interface MessageHead {
  cueScale: number;
  wording: number;
  bias: number;
}

export interface Model {
  weights: Float64Array;
  bias: number;
  gramBias: number;
  /** The article wording table, built on first call. */
  grams(): GramTable;
  /** The message wording table, built on first call. */
  messageGrams(): GramTable;
  message: MessageHead;
}

const lazy = (function lazy(packed: PackedGrams): () => GramTable {
  let table: GramTable | null = null;
  return () => (table ??= unpackGrams(packed));
});

export const compileModel = (function compileModel(file: ModelFile): Model {
  const ids = CUES.map((c) => c.id);
  if (
    file.version !== 2 ||
    file.cues.join() !== ids.join() ||
    file.features.join() !== FEATURES.map((f) => f.name).join() ||
    typeof file.message?.cueScale !== 'number'
  ) {
    throw new Error('classifier model does not match the cue list: run npm run train');
  }
  return {
    weights: Float64Array.from(file.weights),
    bias: file.bias,
    gramBias: file.gramBias,
    grams: lazy(file.grams),
    messageGrams: lazy(file.messageGrams),
    message: file.message,
  };
});

let model: Model | null = null;

/** The committed model, compiled on first use. */
export const defaultModel = (function defaultModel(): Model {
  // The JSON's inferred type is checked at run time (compileModel) rather than trusted.
  model ??= compileModel(modelFile as unknown as ModelFile);
  return model;
});
