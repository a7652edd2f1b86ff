// Content script for article pages: reads the article, classifies it in the page (the body never
// leaves it), reports the verdict to the service worker, marks the pitch segments inside it, and
// flags articles of muted accounts.
import browser from 'webextension-polyfill';
import type { Article, Verdict } from '../core/article';
import { classifyRead, readText } from '../core/classify';
import { isMuted, type PitchDisplay } from '../core/prefs';
import type { Observation } from '../core/records';
import { accountIdOf } from '../core/tally';
import { extractArticle } from '../extract';
import { PageArticle, PageQuery } from '../messages';
import { send } from '../shared/send';
import { cueLabel } from '../ui/i18n';
import { readPitchDisplay, readPrefs } from '../storage/prefs-store';
import { hook, mark, measure } from '../shared/test-hooks';
import { BASE_CSS, createHost, el, t, type Host } from './host';
import { PITCH_CSS, placePitch } from './pitch';

const CSS = `${BASE_CSS}${PITCH_CSS}
.pill { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; display: flex; flex-direction: column; align-items: flex-end; gap: 6px; max-width: calc(100vw - 32px); }
.badge { background: #fff; color: #333; border: 1px solid #ddd; box-shadow: 0 2px 8px rgba(0,0,0,.12); border-radius: 16px; padding: 4px 12px; font-size: 13px; }
.badge.promotional { border-color: #e37400; color: #b45309; }
.badge.service { border-color: #1e8e3e; color: #137333; }
.reasons { background: #fff; border: 1px solid #ddd; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.12); padding: 8px 12px; font-size: 12px; color: #333; max-width: 320px; margin: 0; list-style: none; }
.reasons li { margin: 2px 0; overflow-wrap: anywhere; }
.banner { background: #fff7e6; color: #5c3b00; border: 1px solid #f0c36d; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.12); padding: 12px 14px; display: flex; flex-direction: column; gap: 10px; font-size: 14px; line-height: 1.5; max-width: 380px; }
.banner .msg { overflow-wrap: anywhere; }
.banner .actions { display: flex; justify-content: flex-end; gap: 8px; }
.banner .read { background: #fff; border-color: #d9a441; color: #5c3b00; }
.banner .unmute { background: #e37400; color: #fff; }
`;

function observationOf(a: Article, verdict: Verdict): Observation {
  return {
    key: a.key,
    accountId: a.accountId,
    accountName: a.accountName,
    accountUsername: a.accountUsername,
    title: a.title,
    url: location.href.slice(0, 5000),
    kind: a.kind,
    publishedAt: a.publishedAt,
    verdict,
  };
}

/** The verdict badge, bottom right; its reasons are built when the reader first asks for them. */
function renderVerdict(host: Host, verdict: Verdict): HTMLElement {
  hook(host.element, 'data-declutter-verdict', verdict.label);
  const label = verdict.label === 'promotional' ? t('verdictPromotional') : t('verdictService');
  const badge = el('button', {
    class: `badge ${verdict.label}`,
    text: `${t('extShortName')} · ${label} ${Math.round(verdict.promoScore * 100)}%`,
    attrs: { 'aria-expanded': 'false', title: t('verdictExplain') },
  });
  const pill = el('div', { class: 'pill' }, badge);
  let list: HTMLUListElement | null = null;
  badge.addEventListener('click', () => {
    if (!list) {
      list = el('ul', { class: 'reasons', attrs: { hidden: '' } });
      for (const r of verdict.reasons.slice(0, 6)) {
        list.append(el('li', { text: `${r.weight >= 0 ? '+' : '−'} ${cueLabel(r.cue)}：${r.words.slice(0, 3).join('、')}` }));
      }
      if (!verdict.reasons.length) list.append(el('li', { text: t('noReasons') }));
      pill.insertBefore(list, badge);
    }
    const open = list.hasAttribute('hidden');
    list.toggleAttribute('hidden', !open);
    badge.setAttribute('aria-expanded', String(open));
  });
  host.root.append(pill);
  return pill;
}

/**
 * The muted notice sits above the badge, fixed to the viewport: in the page's flow it would move the
 * article, and the page could read a mute off its own layout; at the top it would cover the title.
 */
function renderMuted(host: Host, pill: HTMLElement, muted: boolean, accountId: string, name: string): void {
  pill.querySelector('.banner')?.remove();
  if (!muted) {
    hook(host.element, 'data-declutter-muted', null);
    return;
  }
  hook(host.element, 'data-declutter-muted', 'true');
  const banner = el(
    'div',
    { class: 'banner', attrs: { role: 'alert' } },
    el('span', { class: 'msg', text: t('mutedBanner', name) }),
    el(
      'div',
      { class: 'actions' },
      el('button', { class: 'read', text: t('readAnyway'), onClick: () => banner.remove() }),
      el('button', {
        class: 'unmute',
        text: t('unmute'),
        onClick: () => void send({ type: 'account/unmute', accountId }),
      }),
    ),
  );
  pill.prepend(banner);
}

async function reportWithRetry(observation: Observation): Promise<{ accountId: string; muted: boolean } | null> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const reply = await send({ type: 'article/observed', observation });
    if (reply.ok) return reply;
    if (reply.error === 'bad-request' || reply.error === 'forbidden') return null;
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
  return null;
}

/** Waits for the page to be idle (or at most `timeout` ms), so our work never delays its own. */
function idle(timeout = 1000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

/**
 * Runs one step as its own task and, in the test build, times it: `declutter:<name>` measures land on
 * the page's performance timeline, where `npm run bench` sums them into the main-thread time we cost.
 */
async function step<T>(name: string, work: () => T): Promise<T> {
  await idle();
  mark(`${name}:start`);
  try {
    return work();
  } finally {
    measure(name, `${name}:start`);
  }
}

/** Settles with the article's key once the page is read (null when it is not an article). */
let settleKey: (key: string | null) => void = () => {};
const shownKey = new Promise<string | null>((resolve) => (settleKey = resolve));

/**
 * The popup asks which article this tab shows (extension pages only: the page's scripts cannot reach
 * this listener). Registered at once, answered when the page has been read.
 */
browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string; tab?: unknown }) => {
  if (sender.id !== browser.runtime.id || sender.tab || !PageQuery.safeParse(raw).success) return undefined;
  return shownKey.then((key): PageArticle => ({ key }));
});

async function main(): Promise<void> {
  const areas = { sync: browser.storage.sync, local: browser.storage.local };
  // Read while the page is still busy; needed only once there is something to mark.
  const display = readPitchDisplay(areas).catch((): PitchDisplay => 'mark');
  // Short tasks in idle time instead of one long one: extract, read, classify, show, mark.
  const result = await step('extract', () => extractArticle(document, location.href));
  if (!result.ok) return settleKey(null);
  const article = result.article;
  // Classified in two tasks (read the text, then weigh it), each well under a frame.
  const read = await step('read', () => readText({ title: article.title, body: article.body, cues: article.cues }));
  const verdict = await step('classify', () => classifyRead(read));
  // Report before drawing anything: a reader who leaves at once has still been counted.
  const observation = observationOf(article, verdict);
  const reported = reportWithRetry(observation);
  settleKey(article.key);
  // Back to this page from the back/forward cache: the browser reset the toolbar icon on leaving, so
  // report again (a revisit counts once, as always) and the icon says the verdict again.
  addEventListener('pageshow', (e) => {
    if (e.persisted) void reportWithRetry(observation);
  });
  const { host, pill } = await step('ui', () => {
    const h = createHost(CSS);
    return { host: h, pill: renderVerdict(h, verdict) };
  });
  const firstDisplay = await display;
  const choose = (mode: PitchDisplay): void => {
    pitch.show(mode);
    void send({ type: 'settings/update', settings: { pitchDisplay: mode } });
  };
  const pitch = await step('mark', () => {
    const view = placePitch(host, result.lines, verdict.segments, choose);
    view.show(firstDisplay);
    return view;
  });

  const accountId = accountIdOf(observation);
  const reply = await reported;
  const id = reply?.accountId ?? accountId;
  const name = article.accountName.trim();
  const muted = reply?.muted ?? isMuted(await readPrefs(areas), id, Date.now());
  renderMuted(host, pill, muted, id, name);
  // Whether the service worker confirmed the write, set once the page shows what it answered: tests
  // wait for it before leaving the page or reading the muted state.
  hook(host.element, 'data-declutter-recorded', String(reply !== null));
  browser.storage.onChanged.addListener((changes) => {
    if ('settings' in changes) void readPitchDisplay(areas).then((mode) => pitch.show(mode));
    if (!(`mute:${id}` in changes)) return;
    void readPrefs(areas).then((prefs) => renderMuted(host, pill, isMuted(prefs, id, Date.now()), id, name));
  });
}

main().catch((err: unknown) => {
  settleKey(null);
  console.warn('declutter: could not read this page', err);
});
