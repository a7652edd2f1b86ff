// What every extension page does before rendering: the document's language, direction and title
// follow the UI language `browser.i18n` picked (Chinese by default, English for English browsers).
import { t, uiLanguage } from './i18n';

export function preparePage(titleKey: string): void {
  const html = document.documentElement;
  html.lang = uiLanguage();
  html.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  document.title = t(titleKey);
}
