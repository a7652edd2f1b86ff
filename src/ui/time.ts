// Dates in the reader's language: "3 days ago" for recent sightings, a short date for mute expiry.
import { uiLanguage } from './i18n';

const DAY = 86_400_000;
const relative = new Map<string, Intl.RelativeTimeFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

export function relativeDay(at: number, now: number, lang = uiLanguage()): string {
  const days = Math.floor(now / DAY) - Math.floor(at / DAY);
  if (days > 60 || days < 0) return shortDate(at, lang);
  let f = relative.get(lang);
  if (!f) relative.set(lang, (f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  return f.format(-days, 'day');
}

export function shortDate(at: number, lang = uiLanguage()): string {
  let f = dates.get(lang);
  if (!f) dates.set(lang, (f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric' })));
  return f.format(at);
}
