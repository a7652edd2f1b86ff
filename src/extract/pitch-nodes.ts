// The page elements behind a pitch segment (a range of body lines): the paragraphs to mark and the
// blocks a collapse may hide. Pure over the DOM the extractor walked, so it is tested on real pages.
import type { BodyLines } from './share';
import { BLOCK_TAGS } from './text';

export interface SegmentNodes {
  /**
   * The paragraph (nearest block element) of each of the segment's lines that holds no line outside
   * it, in document order. A line that shares its block with other text (lines split by `<br>` in
   * one `<p>`, as text shares are) has none.
   */
  paragraphs: Element[];
  /**
   * The outermost elements that hold only this segment's lines, plus the elements between them (an
   * image, a spacer) and, when the segment ends the body, after them: what a collapse hides. Empty
   * when the segment's lines share their blocks with other text.
   */
  blocks: Element[];
}

const ELEMENT_NODE = 1;

function elementOf(node: Node): Element | null {
  return node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** The nearest block element at or above `node` inside `root`, or `root` itself. */
export function paragraphOf(node: Node, root: Element): Element {
  let el = elementOf(node);
  while (el && el !== root && !BLOCK_TAGS.has(el.localName)) el = el.parentElement;
  return el && root.contains(el) ? el : root;
}

/**
 * Lines `start…end` (inclusive indices of the body's lines) as page elements. Only the neighbours
 * of the range are ever compared: an element's text is one stretch of the document, so one that
 * holds a line outside the range holds line `start - 1` or `end + 1`.
 */
export function segmentNodes(lines: BodyLines, start: number, end: number): SegmentNodes {
  const { root, first, last } = lines;
  const count = first.length;
  const from = Math.max(0, start);
  const to = Math.min(count - 1, end);
  if (from > to) return { paragraphs: [], blocks: [] };
  const outside: Node[] = [];
  for (const j of [from - 1, to + 1]) {
    if (j < 0 || j >= count) continue;
    outside.push(first[j]!, last[j]!);
  }
  const ownsOnlySegment = (el: Element): boolean => el !== root && root.contains(el) && outside.every((n) => !el.contains(n));

  const paragraphs: Element[] = [];
  const tops: Element[] = [];
  for (let i = from; i <= to; i++) {
    const para = paragraphOf(first[i]!, root);
    if (!ownsOnlySegment(para) || paragraphs.includes(para)) continue;
    paragraphs.push(para);
    let top = para;
    while (top.parentElement && ownsOnlySegment(top.parentElement)) top = top.parentElement;
    if (!tops.includes(top)) tops.push(top);
  }
  // A paragraph may sit inside an earlier one's top: keep the outermost.
  const outer = tops.filter((t) => !tops.some((o) => o !== t && o.contains(t)));
  const blocks: Element[] = [];
  for (let k = 0; k < outer.length; k++) {
    const top = outer[k]!;
    blocks.push(top);
    const next = outer[k + 1];
    // Siblings between two of the segment's blocks hold none of its lines or only its lines.
    if (next && next.parentElement === top.parentElement) {
      for (let el = top.nextElementSibling; el && el !== next; el = el.nextElementSibling) blocks.push(el);
    }
  }
  // A segment that ends the body takes what follows its last block there (a QR code, a signature card).
  const lastTop = outer[outer.length - 1];
  if (lastTop && to === count - 1) {
    for (let el = lastTop.nextElementSibling; el; el = el.nextElementSibling) blocks.push(el);
  }
  return { paragraphs, blocks };
}
