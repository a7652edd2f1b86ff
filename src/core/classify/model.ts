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
  /** The message wording model (untitled texts), same encoding; its intercept is folded into `untitled`. */
  messageGrams: string;
  messageGramWeights: number[];
  messageGramScale: number;
  /** How it was made (data, hyper-parameters, cross-validated figures): for people, not used here. */
  meta: Record<string, unknown>;
}

export interface Model {
  weights: Float64Array;
  bias: number;
  gramBias: number;
  grams: GramTable;
  messageGrams: GramTable;
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
  if (file.cues.join() !== ids.join() || file.features.join() !== FEATURES.map((f) => f.name).join()) {
    throw new Error('classifier model does not match the cue list: run npm run train');
  }
  return {
    weights: Float64Array.from(file.weights),
    bias: file.bias,
    gramBias: file.gramBias,
    grams: table(file.grams, file.gramWeights, file.gramScale),
    messageGrams: table(file.messageGrams, file.messageGramWeights, file.messageGramScale),
  };
}

let model: Model | null = null;

/** The committed model, compiled on first use. */
export function defaultModel(): Model {
  model ??= compileModel(modelFile as ModelFile);
  return model;
}
