// The toolbar icon of a tab that shows an article: a badge on promotional articles (none on service
// ones) and a title that says the verdict and its top reason. Per tab, so the browser drops both when
// the tab navigates away (Chromium and Firefox reset an action's per-tab values on navigation).
import type { Label, Reason } from '../core/article';
import { cueLabel, isChinese, t } from '../ui/i18n';

export interface ToolbarState {
  /** Badge text; empty for none. */
  badge: string;
  title: string;
}

/** The part of `browser.action` this module uses (a fake in unit tests). */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export interface Toolbar {
  show(tabId: number, state: ToolbarState): Promise<void>;
}

/** The orange of the page's own promotional badge. */
export const BADGE_COLOR = '#e37400';
const MAX_WORD = 24;

/**
 * What the icon says of an article: `label` is its effective label (the reader's correction, when
 * there is one, beats the model), `reasons` the model's, deciding ones first.
 */
export function toolbarState(label: Label, corrected: boolean, reasons: readonly Reason[]): ToolbarState {
  const verdict = label === 'promotional' ? t('verdictPromotional') : t('verdictService');
  const said = corrected ? t('toolbarCorrected', verdict) : verdict;
  // The top reason only when it argues for the verdict: a service article with only a weak selling
  // sign has no reason worth a title. After a correction the model's reasons may argue for the other
  // side: the title gives none then.
  const first = reasons[0];
  const toward = label === 'promotional' ? 1 : -1;
  const top = corrected || !first || first.weight * toward <= 0 ? undefined : first;
  const title = top ? t('toolbarTitleReason', t('extName'), said, reasonText(top)) : t('toolbarTitle', t('extName'), said);
  return { badge: label === 'promotional' ? t('badgePromotional') : '', title };
}

function reasonText(r: Reason): string {
  const words = r.words
    .slice(0, 2)
    .map((w) => (w.length > MAX_WORD ? `${w.slice(0, MAX_WORD - 1)}…` : w))
    .join(isChinese() ? '、' : ', ');
  return words ? t('toolbarReasonWords', cueLabel(r.cue), words) : cueLabel(r.cue);
}

export function actionToolbar(action: ActionApi): Toolbar {
  return {
    async show(tabId, state) {
      await Promise.all([
        action.setBadgeText({ tabId, text: state.badge }),
        state.badge ? action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }) : undefined,
        state.badge ? action.setBadgeTextColor?.({ tabId, color: '#ffffff' }) : undefined,
        action.setTitle({ tabId, title: state.title }),
      ]);
    },
  };
}
