// Shop and mini-program cards in the page body (PageCues): only the DOM carries them, the corpora
// have none, so this weight is a prior, not learned.
import type { PageCues } from '../../article';

export default {
  id: 'shop-card',
  weight: 0.8,
  /** The evidence words: the shop hosts the body links to ("" entries dropped); empty when only cards were counted. */
  detect(cues: PageCues | undefined): string[] | null {
    if (!cues) return null;
    const hosts = (cues.shopHosts ?? []).filter((h) => typeof h === 'string' && h.length > 0);
    const cards = (cues.miniPrograms ?? 0) + (cues.productCards ?? 0);
    if (hosts.length === 0 && !(cards > 0)) return null;
    return hosts.slice(0, 8).map((h) => h.slice(0, 200));
  },
};
