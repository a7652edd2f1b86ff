// The trained model file's shape and its one-time compilation into lookup tables. The file is made
// by `npm run train` (scripts/train.ts) and committed; this module only reads it.
import { CUES } from './cues/index';
import { FEATURES } from './features';
import { buildGramTable, type GramTable } from './ngrams';
import modelFile from './model.json';

export interface ModelFile {
  version: number;
  /** Cue ids in feature order: a guard against a model trained for another cue list. */
  cues: string[];
  features: string[];
  weights: number[];
  /** Intercept, shifted so that promoScore 0.5 is the trained decision threshold. */
  bias: number;
  /** The article wording model: n-grams joined by spaces, integer weights times `gramScale`, its intercept. */
  grams: string;
  gramWeights: number[];
  gramScale: number;
  gramBias: number;
  /** The message wording model (untitled texts), same encoding. */
  messageGrams: string;
  messageGramWeights: number[];
  messageGramScale: number;
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
  grams: GramTable;
  messageGrams: GramTable;
  message: MessageHead;
}

function table(joined: string, weights: readonly number[], scale: number): GramTable {
  const grams = joined.length > 0 ? joined.split(' ') : [];
  return buildGramTable(
    grams,
    weights.map((w) => w * scale),
  );
}

export function compileModel(file: ModelFile): Model {
  const ids = CUES.map((c) => c.id);
  if (
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
    grams: table(file.grams, file.gramWeights, file.gramScale),
    messageGrams: table(file.messageGrams, file.messageGramWeights, file.messageGramScale),
    message: file.message,
  };
}

let model: Model | null = null;

/** The committed model, compiled on first use. */
export function defaultModel(): Model {
  // The JSON's inferred type is checked at run time (compileModel) rather than trusted.
  model ??= compileModel(modelFile as unknown as ModelFile);
  return model;
}
