// Both locales carry the same keys with the same placeholders, and every key the UI and content
// scripts ask for exists, including a label for every classifier cue and reason group.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CUES } from '../../src/core/classify';
import { MESSAGE_FEATURES, VERDICT_FEATURES } from '../../src/core/classify/features';
import { cueKey } from '../../src/ui/i18n';

const root = resolve(import.meta.dirname, '../..');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (loc: string): Messages => JSON.parse(readFileSync(join(root, 'public/_locales', loc, 'messages.json'), 'utf8'));
const zh = read('zh_CN');
const en = read('en');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('_locales', () => {
  test('zh_CN and en have the same keys and placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh)) expect(Object.keys(en[k]!.placeholders ?? {}).sort(), k).toEqual(Object.keys(zh[k]!.placeholders ?? {}).sort());
  });

  test('every named placeholder used in a message is declared, and no stray $ remains', () => {
    for (const [loc, msgs] of [['zh_CN', zh], ['en', en]] as const) {
      for (const [k, m] of Object.entries(msgs)) {
        const declared = new Set(Object.keys(m.placeholders ?? {}).map((p) => p.toLowerCase()));
        for (const [, name] of m.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) expect(declared.has(name!.toLowerCase()), `${loc} ${k} $${name}$`).toBe(true);
        expect(m.message.replace(/\$[A-Za-z0-9_]+\$/g, '').replace(/\$\$/g, ''), `${loc} ${k}`).not.toContain('$');
      }
    }
  });

  test('every static key the pages and content scripts ask for exists', () => {
    const src = [...files(join(root, 'src/ui')), ...files(join(root, 'src/popup')), ...files(join(root, 'src/options')), ...files(join(root, 'src/content'))];
    const keys = new Set<string>();
    for (const f of src) for (const [, k] of readFileSync(f, 'utf8').matchAll(/\btn?\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(k!);
    keys.delete('key');
    expect(keys.size).toBeGreaterThan(50);
    for (const k of keys) expect(zh[k], k).toBeDefined();
  });

  test('dynamic keys exist: durations, sorts, undo actions, settings, unfollow steps', () => {
    const dynamic = [
      ...['7d', '30d', 'never'].flatMap((d) => [`duration_${d}`, `mute_${d}`, `expiryFromNow_${d}`]),
      ...['ratio', 'articles', 'name', 'recent'].map((s) => `sort_${s}`),
      ...['mute', 'unmute', 'pin', 'unpin', 'dismiss', 'unfollowed', 'refollowed', 'correct'].map((a) => `undo_${a}`),
      ...['minArticles', 'muteBound', 'unfollowMinArticles', 'unfollowBound'].flatMap((s) => [`setting_${s}`, `settingHelp_${s}`]),
      ...['mark', 'collapse', 'off'].flatMap((m) => [`pitchDisplay_${m}`, `pitchDisplayHelp_${m}`]),
      'unfollowStep1', 'unfollowStep2', 'unfollowStep3', 'unfollowStep4', 'reasonRecent', 'reasonRecentOne', 'articlesCountOne',
      'suggestMute', 'suggestUnfollow', 'suggestAdsInside', 'reasonInsideOne', 'currentFiguresOne', 'pitchMoreOne', 'markThisService', 'markThisPromotional',
      'verdictPromotional', 'verdictService', 'verdictExplain', 'noReasons', 'mutedBanner', 'readAnyway', 'unmute', 'showHidden', 'hideAgain', 'hiddenCount',
    ];
    for (const k of dynamic) expect(zh[k], k).toBeDefined();
  });

  test('every classifier cue and reason group has a label in both languages', () => {
    const groups = new Set([...CUES.map((c) => c.id), ...VERDICT_FEATURES.map((f) => f.group), ...MESSAGE_FEATURES.map((f) => f.group), 'shop-card']);
    for (const g of groups) {
      expect(zh[cueKey(g)], g).toBeDefined();
      expect(en[cueKey(g)], g).toBeDefined();
    }
  });

  test('the muted banner names the account through a placeholder', () => {
    expect(zh['mutedBanner']).toEqual({ message: '你已屏蔽「$NAME$」。这篇文章来自一个推广较多的公众号。', placeholders: { name: { content: '$1' } } });
    expect(en['hiddenCount']!.placeholders).toEqual({ count: { content: '$1' } });
    expect(zh['pitchCollapsed']!.message).toBe('推广内容 · $COUNT$ 段 · 展开');
    expect(en['pitchCollapsed']!.message).toBe('Promotional section · $COUNT$ paragraphs · show');
  });
});
