// The reader's own choices (mutes, pins, dismissals, unfollow ticks, thresholds, how pitch segments
// show in articles), kept apart from what
// the classifier learned so they always win. Stored as one small item per account in `storage.sync`
// (per-item quota 8 KB, 512 items), so they follow the reader to their other browsers.
import { z } from './zod';

const Name = z.string().check(z.maxLength(200));
const Time = z.int();

/**
 * How an article page shows the pitch segments inside it (a course footer, a sponsored block):
 * `mark` draws a quiet marker in the margin, `collapse` folds each to one line the reader can open,
 * `off` shows nothing.
 */
export const PitchDisplay = z.enum(['mark', 'collapse', 'off']);
export type PitchDisplay = z.infer<typeof PitchDisplay>;
export const PITCH_DISPLAYS: readonly PitchDisplay[] = ['mark', 'collapse', 'off'];

export const Settings = z.object({
  /** No suggestion below this many articles from an account. */
  minArticles: z.catch(z.int().check(z.gte(1), z.lte(100)), 5),
  /** Suggest muting when the promo ratio's lower confidence bound reaches this. */
  muteBound: z.catch(z.number().check(z.gte(0), z.lte(1)), 0.4),
  /** Suggest unfollowing on stronger evidence: more articles and a higher bound. */
  unfollowMinArticles: z.catch(z.int().check(z.gte(1), z.lte(200)), 8),
  unfollowBound: z.catch(z.number().check(z.gte(0), z.lte(1)), 0.6),
  pitchDisplay: z.catch(PitchDisplay, 'mark'),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = { minArticles: 5, muteBound: 0.4, unfollowMinArticles: 8, unfollowBound: 0.6, pitchDisplay: 'mark' };

/** The display choice alone, from a raw `settings` storage item (a content script's read). */
export function pitchDisplayOf(raw: unknown): PitchDisplay {
  return Settings.safeParse(raw ?? {}).data?.pitchDisplay ?? DEFAULT_SETTINGS.pitchDisplay;
}

export const Mute = z.object({ name: Name, since: Time, until: z.nullable(Time) });
export type Mute = z.infer<typeof Mute>;
export const Pin = z.object({ name: Name, since: Time });
export type Pin = z.infer<typeof Pin>;
/**
 * A dismissed suggestion remembers how bad the account was, so it returns only if it gets worse:
 * `bound` for its promotional articles, `selling` for those plus its service articles with ads inside
 * (absent in dismissals made before that count existed).
 */
export const Dismissal = z.object({ bound: z.number().check(z.gte(0), z.lte(1)), selling: z.optional(z.number().check(z.gte(0), z.lte(1))), at: Time });
export type Dismissal = z.infer<typeof Dismissal>;
/** The reader ticked the account off the unfollow checklist (done in the WeChat app). */
export const Unfollow = z.object({ name: Name, at: Time });
export type Unfollow = z.infer<typeof Unfollow>;

export const Prefs = z.object({
  settings: Settings,
  mutes: z.record(z.string(), Mute),
  pins: z.record(z.string(), Pin),
  dismissed: z.record(z.string(), Dismissal),
  unfollowed: z.record(z.string(), Unfollow),
});
export type Prefs = z.infer<typeof Prefs>;

export const emptyPrefs = (): Prefs => ({ settings: { ...DEFAULT_SETTINGS }, mutes: {}, pins: {}, dismissed: {}, unfollowed: {} });

/** Storage item keys: `settings`, and `<kind>:<accountId>` for the per-account maps. */
export const PREF_KINDS = { mute: 'mutes', pin: 'pins', dismiss: 'dismissed', unfollow: 'unfollowed' } as const;
export type PrefKind = keyof typeof PREF_KINDS;
const ITEM_SCHEMA = { mute: Mute, pin: Pin, dismiss: Dismissal, unfollow: Unfollow } as const;

export function prefItemKey(kind: PrefKind, accountId: string): string {
  return `${kind}:${accountId}`;
}

/**
 * Builds Prefs from raw storage items. A malformed item is dropped (and a malformed setting falls back
 * to its default) instead of breaking the extension.
 */
export function prefsFromItems(items: Record<string, unknown>): Prefs {
  const prefs = emptyPrefs();
  const settings = Settings.safeParse(items['settings'] ?? {});
  if (settings.success) prefs.settings = settings.data;
  for (const [key, value] of Object.entries(items)) {
    const colon = key.indexOf(':');
    if (colon < 0) continue;
    const kind = key.slice(0, colon);
    const id = key.slice(colon + 1);
    if (!(kind in ITEM_SCHEMA) || !id) continue;
    const k = kind as PrefKind;
    const parsed = ITEM_SCHEMA[k].safeParse(value);
    if (!parsed.success) continue;
    (prefs[PREF_KINDS[k]] as Record<string, unknown>)[id] = parsed.data;
  }
  return prefs;
}

/** Is the account muted at `now`? Expired mutes count as not muted. */
export function isMuted(prefs: Pick<Prefs, 'mutes'>, accountId: string, now: number): boolean {
  const m = prefs.mutes[accountId];
  return !!m && (m.until === null || m.until > now);
}

/** Names of accounts muted at `now`, for list pages that know an account only by its name. */
export function mutedNames(prefs: Pick<Prefs, 'mutes'>, now: number): Set<string> {
  const out = new Set<string>();
  for (const m of Object.values(prefs.mutes)) if (m.until === null || m.until > now) out.add(m.name.trim());
  return out;
}

export const MUTE_DURATIONS = { '7d': 7, '30d': 30, never: null } as const;
export type MuteDuration = keyof typeof MUTE_DURATIONS;
export const MuteDurationSchema = z.enum(['7d', '30d', 'never']);

export function muteUntil(duration: MuteDuration, now: number): number | null {
  const days = MUTE_DURATIONS[duration];
  return days === null ? null : now + days * 86_400_000;
}

/** Account names are hostile and unbounded; prefs keep a short copy to stay inside sync quotas. */
export function shortName(name: string): string {
  const trimmed = name.trim();
  return trimmed.length > 200 ? trimmed.slice(0, 199) + '…' : trimmed;
}
