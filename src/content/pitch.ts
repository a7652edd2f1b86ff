// Pitch segments inside the article page (a course footer, a sponsored block), shown as the reader
// chose: a quiet marker in the margin, folded to one line, or not at all; the marker offers the same
// choice. The page's scripts learn neither the segments nor the choice from names: markers live in
// our closed shadow root, placed over the margin; a fold hides page nodes under a random attribute.
import type { PitchSegment } from '../core/article';
import { PITCH_DISPLAYS, type PitchDisplay } from '../core/prefs';
import type { BodyLines } from '../extract';
import { segmentNodes } from '../extract/pitch-nodes';
import { hook, TEST_HOOKS } from '../shared/test-hooks';
import { BASE_CSS, createInlineHost, el, randomAttributeName, t, type Host } from './host';

/** Styles for the markers, inside the article host's shadow root. */
export const PITCH_CSS = `
.pitch-layer { position: absolute; top: 0; left: 0; width: 0; height: 0; }
.seg { position: absolute; pointer-events: none; }
.bar { position: absolute; top: 0; bottom: 0; width: 3px; border-radius: 2px; background: rgba(227,116,0,.5); }
.chip, .menu { pointer-events: auto; }
.seg.open { z-index: 2147483647; }
.chip { position: absolute; top: -2px; white-space: nowrap; background: #fff7ed; color: #9a4a06; border: 1px solid #f4c48a; border-radius: 10px; padding: 1px 8px; font-size: 12px; line-height: 18px; }
.chip.left { transform: translateX(-100%); }
.chip.over { transform: translate(-100%, -100%); top: -4px; }
.chip:hover { background: #ffedd5; }
${menuCss('.menu')}
`;

const FOLD_CSS = `${BASE_CSS}
.fold { display: flex; align-items: center; gap: 4px; margin: 8px 0; font-size: 14px; position: relative; }
.open { flex: 1; text-align: start; background: #fff7ed; color: #9a4a06; border: 1px dashed #f4c48a; border-radius: 6px; padding: 6px 12px; }
.open:hover, .more:hover { background: #ffedd5; }
.more { background: #fff7ed; color: #9a4a06; border: 1px dashed #f4c48a; border-radius: 6px; padding: 6px 10px; }
${menuCss('.menu')}
.menu { top: 100%; right: 0; }
.menu.up { top: auto; bottom: 100%; margin: 0 0 4px; }
`;

function menuCss(sel: string): string {
  return `${sel} { position: absolute; z-index: 1; margin-top: 4px; background: #fff; color: #333; border: 1px solid #ddd; border-radius: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.15); padding: 6px; display: flex; flex-direction: column; gap: 2px; min-width: 150px; font-size: 13px; }
${sel}[hidden] { display: none; }
${sel} .title { color: #666; font-size: 12px; padding: 2px 6px 4px; white-space: nowrap; }
${sel} button { text-align: start; background: none; color: #333; white-space: nowrap; }
${sel} button:hover { background: #f1f3f4; }
${sel} button[aria-pressed="true"] { font-weight: 600; color: #9a4a06; }
${sel} button[aria-pressed="true"]::before { content: "✓ "; }
${sel} button.fold-again { border-top: 1px solid #eee; border-radius: 0 0 6px 6px; }`;
}

/** The attribute that hides a folded segment's page nodes, and its one stylesheet. */
const HIDDEN_ATTR = TEST_HOOKS ? 'data-declutter-pitch-hidden' : randomAttributeName();
let hideStyle: HTMLStyleElement | null = null;

function hidePageNodes(nodes: readonly Element[], hidden: boolean): void {
  if (hidden && !hideStyle) {
    hideStyle = document.createElement('style');
    hideStyle.textContent = `[${HIDDEN_ATTR}] { display: none !important; }`;
    (document.head ?? document.documentElement).append(hideStyle);
  }
  for (const n of nodes) n.toggleAttribute(HIDDEN_ATTR, hidden);
}

interface Segment {
  index: number;
  /** How many body lines (paragraphs) it spans, for the folded line's count. */
  size: number;
  range: Range;
  blocks: Element[];
  /** A folded segment the reader opened on this page. */
  opened: boolean;
  fold: Host | null;
  marker: { box: HTMLElement; bar: HTMLElement; chip: HTMLElement } | null;
}

export interface PitchView {
  /** Shows every segment as `mode` says (the reader chose, here or in another tab or the options). */
  show(mode: PitchDisplay): void;
}

/** A range over a line span: from the first node's start to the last node's end. */
function rangeOver(first: Node, last: Node): Range {
  const range = document.createRange();
  if (first.nodeType === Node.TEXT_NODE) range.setStart(first, 0);
  else range.setStartBefore(first);
  if (last.nodeType === Node.TEXT_NODE) range.setEnd(last, (last as Text).length);
  else range.setEndAfter(last);
  return range;
}

/**
 * Gives `opener` a menu of the three display choices (the current one pressed), plus "fold again"
 * for a folded segment the reader opened. Built on first use, placed right after `opener`. Escape or
 * a click elsewhere closes it; Escape returns focus to its button.
 */
function withModeMenu(
  opener: HTMLButtonElement,
  current: () => PitchDisplay,
  choose: (mode: PitchDisplay) => void,
  foldAgain: (() => void) | null,
  place?: (menu: HTMLElement) => void,
): void {
  let menu: HTMLElement | null = null;
  const close = (focus: boolean): void => {
    if (!menu || menu.hasAttribute('hidden')) return;
    menu.setAttribute('hidden', '');
    place?.(menu);
    opener.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    if (focus) opener.focus();
  };
  const outside = (e: Event): void => {
    const path = e.composedPath();
    if (menu && !path.includes(menu) && !path.includes(opener)) close(false);
  };
  const build = (): HTMLElement => {
    const m = el('div', { class: 'menu', attrs: { role: 'group', hidden: '', 'aria-label': t('pitchShowAs') } });
    m.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close(true);
      }
    });
    opener.after(m);
    return m;
  };
  opener.setAttribute('aria-expanded', 'false');
  opener.setAttribute('aria-haspopup', 'true');
  opener.addEventListener('click', () => {
    if (menu && !menu.hasAttribute('hidden')) return close(false);
    menu ??= build();
    menu.replaceChildren(el('div', { class: 'title', text: t('pitchShowAs') }));
    for (const mode of PITCH_DISPLAYS) {
      const item = el('button', { text: t(`pitchDisplay_${mode}`), attrs: { type: 'button', 'aria-pressed': String(mode === current()), 'data-mode': mode } });
      item.addEventListener('click', () => {
        close(false);
        choose(mode);
      });
      menu.append(item);
    }
    if (foldAgain) menu.append(el('button', { class: 'fold-again', text: t('pitchFoldAgain'), attrs: { type: 'button' }, onClick: foldAgain }));
    menu.removeAttribute('hidden');
    place?.(menu);
    opener.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', outside, true);
    (menu.querySelector('button[aria-pressed="true"]') as HTMLElement | null)?.focus();
  });
}

/**
 * Finds each segment's place in the page (the lines the extractor recorded) and sets the test hooks;
 * `show` then draws them. Segments whose lines have no place (a caption only in inline JS) are left out.
 */
export function placePitch(host: Host, lines: BodyLines | null, segments: readonly PitchSegment[], choose: (mode: PitchDisplay) => void): PitchView {
  const placed: Segment[] = [];
  if (lines) {
    segments.forEach((s, index) => {
      const start = Math.max(0, s.start);
      const end = Math.min(lines.first.length - 1, s.end);
      if (start > end) return;
      const nodes = segmentNodes(lines, start, end);
      for (const p of nodes.paragraphs) hook(p, 'data-declutter-pitch', String(index));
      placed.push({ index, size: end - start + 1, range: rangeOver(lines.first[start]!, lines.last[end]!), blocks: nodes.blocks, opened: false, fold: null, marker: null });
    });
  }
  hook(host.element, 'data-declutter-pitch-segments', String(placed.length));
  if (!placed.length || !lines) return { show: () => undefined };
  const column = lines.root;

  // Nothing drawn yet: the first `show` draws whatever it is given.
  let mode: PitchDisplay | null = null;
  const layer = el('div', { class: 'pitch-layer' });
  const chipText = t('pitchMarker');
  host.root.append(layer);

  /**
   * Places every marker beside its lines, in the coordinates of the layer (the host has no box): the
   * bar in the left margin, the chip beside it when the margin has room, else in the right margin,
   * else over the segment's top right corner.
   */
  const layout = (): void => {
    const marked = placed.filter((s) => s.marker);
    if (!marked.length) return;
    const origin = layer.getBoundingClientRect();
    const col = column.getBoundingClientRect();
    const chipWidth = marked[0]!.marker!.chip.offsetWidth + 12;
    const barLeft = Math.max(2, col.left - origin.left - 12);
    const side = col.left >= chipWidth + 12 ? 'left' : document.documentElement.clientWidth - col.right >= chipWidth ? 'right' : 'over';
    // All reads, then all writes: a read after a write would lay the page out again each time.
    const rects = marked.map((s) => s.range.getBoundingClientRect());
    marked.forEach((s, k) => {
      const r = rects[k]!;
      const { box, bar, chip } = s.marker!;
      box.style.cssText = `top:${r.top - origin.top}px;left:0;height:${Math.max(r.height, 18)}px;`;
      bar.style.left = `${barLeft}px`;
      chip.className = `chip ${side}`;
      chip.style.left = `${side === 'left' ? barLeft - 6 : side === 'right' ? col.right - origin.left + 8 : col.right - origin.left}px`;
    });
  };

  let scheduled = false;
  const relayout = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      layout();
    });
  };
  // Images load and fonts swap long after we draw: follow the article's size, and the page's above it.
  let observer: ResizeObserver | null = null;
  const observe = (on: boolean): void => {
    if (on && !observer) {
      observer = new ResizeObserver(relayout);
      observer.observe(column);
      if (document.body) observer.observe(document.body);
    } else if (!on && observer) {
      observer.disconnect();
      observer = null;
    }
  };

  const removeMarker = (s: Segment): void => {
    s.marker?.box.remove();
    s.marker = null;
  };
  const addMarker = (s: Segment): void => {
    if (s.marker) return;
    const chip = el('button', { class: 'chip', text: chipText, attrs: { type: 'button', 'aria-label': t('pitchMarkerLabel', String(s.size)) } });
    const bar = el('span', { class: 'bar' });
    const box = el('div', { class: 'seg' }, bar, chip);
    // Under the chip (above it near the window's bottom), inside the window, over the badge.
    const place = (menu: HTMLElement): void => {
      box.classList.toggle('open', !menu.hidden);
      if (menu.hidden) return;
      const c = chip.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const view = document.documentElement;
      const left = Math.min(c.left, view.clientWidth - menu.offsetWidth - 8);
      menu.style.left = `${Math.max(4, left) - b.left}px`;
      const below = c.bottom + menu.offsetHeight + 8 <= view.clientHeight;
      menu.style.top = `${(below ? c.bottom : c.top - menu.offsetHeight - 8) - b.top}px`;
    };
    withModeMenu(chip, () => mode ?? 'off', choose, s.opened ? () => fold(s, true) : null, place);
    s.marker = { box, bar, chip };
    layer.append(box);
  };
  const unfold = (s: Segment): void => {
    if (s.opened || s.fold) hidePageNodes(s.blocks, false);
    s.fold?.element.remove();
    s.fold = null;
    s.opened = false;
  };
  /** Folds a segment to its one line, or opens it (then it is marked, with "fold again"). */
  const fold = (s: Segment, folded: boolean): void => {
    if (!folded) {
      const focus = s.fold?.root.activeElement != null;
      unfold(s);
      s.opened = true;
      addMarker(s);
      observe(true);
      layout();
      if (focus) s.marker?.chip.focus();
      return;
    }
    const focus = !!s.marker && s.marker.box.contains(host.root.activeElement);
    removeMarker(s);
    unfold(s);
    hidePageNodes(s.blocks, true);
    const label = s.size === 1 ? t('pitchCollapsedOne') : t('pitchCollapsed', String(s.size));
    const fh = createInlineHost(FOLD_CSS, s.blocks[0]!);
    const open = el('button', { class: 'open', text: label, attrs: { type: 'button', 'aria-expanded': 'false' }, onClick: () => fold(s, false) });
    const more = el('button', { class: 'more', text: '▾', attrs: { type: 'button', 'aria-label': t('pitchShowAs') } });
    fh.root.append(el('div', { class: 'fold' }, open, more));
    // Above the line when the window has no room below it.
    withModeMenu(more, () => mode ?? 'off', choose, null, (menu) => {
      if (menu.hidden) return;
      const room = document.documentElement.clientHeight - more.getBoundingClientRect().bottom;
      menu.classList.toggle('up', room < menu.offsetHeight + 8);
    });
    s.fold = fh;
    if (focus) open.focus();
  };

  const show = (next: PitchDisplay): void => {
    if (next === mode) return;
    mode = next;
    hook(host.element, 'data-declutter-pitch-mode', next);
    for (const s of placed) {
      removeMarker(s);
      unfold(s);
      // A segment whose lines share their blocks with other text cannot fold: it stays marked.
      if (next === 'collapse' && s.blocks.length) fold(s, true);
      else if (next !== 'off') addMarker(s);
    }
    observe(placed.some((s) => s.marker));
    layout();
  };
  return { show };
}
