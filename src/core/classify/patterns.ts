// The cues' regular expressions, all run as one: a single compilation and a single scan of the
// text, where each cue's own expression would cost a compilation (two, with V8's tier-up) and a
// scan per text. In a content script's fresh context that difference is most of the regex cost.
//
// Each cue pattern becomes one capturing alternative, so patterns must not capture themselves
// (use (?:…)); the combined expression has the m flag, so a pattern that uses ^ or $ must be meant
// per line (the tests check both). After a match the scan resumes one unit later, so patterns may
// overlap one another; a pattern's own matches do not overlap, as with a g flag.

export interface PatternSet {
  /** Calls `onHit(owner, start, end)` for every match in `text`, in order of start. */
  scan(text: string, onHit: (owner: number, start: number, end: number) => void): void;
}

/** One matcher for several owners' pattern lists (the owner is the list's index). */
export function buildPatterns(lists: readonly (readonly RegExp[])[]): PatternSet {
  const owners: number[] = [];
  const sources: string[] = [];
  lists.forEach((list, owner) => {
    for (const p of list) {
      owners.push(owner);
      sources.push(`(${p.source})`);
    }
  });
  if (sources.length === 0) return { scan() {} };
  const rx = new RegExp(sources.join('|'), 'gm');
  const lastEnd = new Int32Array(sources.length);
  return {
    scan(text, onHit) {
      lastEnd.fill(-1);
      rx.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rx.exec(text)) !== null) {
        const start = m.index;
        rx.lastIndex = start + 1;
        let g = 1;
        while (m[g] === undefined) g++;
        const end = start + m[0].length;
        if (end === start || start < lastEnd[g - 1]!) continue;
        lastEnd[g - 1] = end;
        onHit(owners[g - 1]!, start, end);
      }
    },
  };
}

/** Whether a pattern source has a capturing group (which would shift the combined groups). */
export function capturesGroups(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!'))) return true;
  }
  return false;
}

export interface LineSet {
  /** Calls `onHit(owner, start, end)` for every line of `text` that holds one of the words and nothing else. */
  scan(text: string, onHit: (owner: number, start: number, end: number) => void): void;
}

/** What may stand around a line's word: spaces, dots, bars, brackets and dashes ("【广告】", "- END -"). */
function isLineDecoration(c: number): boolean {
  return c === 0x20 || c === 0xb7 || c === 0x7c || c === 0x2d || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x3010 || c === 0x3011;
}

/**
 * Words that count only as a line of their own (an ad marker above a block, "- END -" under an
 * article): a check per short line, no regular expression. The hit is the whole line.
 */
export function buildLines(lists: readonly (readonly string[])[]): LineSet {
  const owners = new Map<string, number[]>();
  let longest = 0;
  lists.forEach((words, owner) => {
    for (const w of words) {
      const list = owners.get(w) ?? [];
      if (!list.includes(owner)) list.push(owner);
      owners.set(w, list);
      longest = Math.max(longest, w.length);
    }
  });
  return {
    scan(text, onHit) {
      if (owners.size === 0) return;
      for (let start = 0; start <= text.length; ) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        if (end - start <= longest + 16) {
          let s = start;
          let e = end;
          while (s < e && isLineDecoration(text.charCodeAt(s))) s++;
          while (e > s && isLineDecoration(text.charCodeAt(e - 1))) e--;
          const found = e - s <= longest ? owners.get(text.slice(s, e)) : undefined;
          if (found) for (const owner of found) onHit(owner, start, end);
        }
        start = end + 1;
      }
    },
  };
}
