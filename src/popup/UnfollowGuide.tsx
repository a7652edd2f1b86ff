// Unfollowing happens in the WeChat app (the web has no unfollow, the app no batch unfollow): the
// steps, the name to copy, the account's page, and a checklist ticked off one account at a time.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UiData } from '../ui/actions';
import { t } from '../ui/i18n';
import { CopyIcon, LinkIcon } from '../ui/icons';
import { displayName, profileUrl, type ChecklistItem } from '../ui/model';
import { Name } from '../ui/text';
import { BackButton } from './AccountDetail';
import type { Controller, Derived } from './controller';

interface Props {
  focusId: string | null;
  data: UiData;
  derived: Derived;
  ctl: Controller;
  busy: boolean;
}

const STEPS = ['unfollowStep1', 'unfollowStep2', 'unfollowStep3', 'unfollowStep4'];

export function UnfollowGuide({ focusId, data, derived, ctl, busy }: Props) {
  const [pick, setPick] = useState<{ id: string | null; copy: boolean; n: number }>({ id: focusId, copy: false, n: 0 });
  const current = pick.id;
  const acc = current ? derived.byId.get(current) : undefined;
  const currentName = acc?.name ?? (current ? (data.prefs.unfollowed[current]?.name ?? derived.checklist.find((c) => c.accountId === current)?.name) : undefined);
  const list = derived.checklist;
  const done = list.filter((c) => c.done).length;
  return (
    <div class="view guide" data-testid="unfollow-guide">
      <header class="sub">
        <BackButton ctl={ctl} />
        <h2>{t('unfollowTitle')}</h2>
      </header>
      <div class="guide-body">
        <p class="lead">{t('unfollowLead')}</p>
        <ol class="steps">
          {STEPS.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ol>
        {current && currentName !== undefined && <CopyName key={`${current}#${pick.n}`} accountId={current} name={currentName} ctl={ctl} copyNow={pick.copy} />}
        <h3>
          {t('checklistTitle')}
          {list.length > 0 && <span class="count">{t('checklistProgress', done, list.length)}</span>}
        </h3>
        <p class="hint">{t('checklistHint')}</p>
        {list.length === 0 ? (
          <p class="empty">{t('checklistEmpty')}</p>
        ) : (
          <ul class="checklist">
            {list.map((item) => (
              <CheckItem key={item.accountId} item={item} current={item.accountId === current} onPick={() => setPick({ id: item.accountId, copy: true, n: pick.n + 1 })} ctl={ctl} busy={busy} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function CopyName({ accountId, name, ctl, copyNow }: { accountId: string; name: string; ctl: Controller; copyNow: boolean }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const page = profileUrl(accountId);
  const copy = async (): Promise<void> => {
    const ok = await ctl.actions.copyText(name);
    setCopied(ok);
    // Without clipboard access the name is selected in the field, ready for Ctrl+C.
    if (!ok) {
      field.current?.focus();
      field.current?.select();
    }
  };
  useEffect(() => {
    if (copyNow) void copy();
  }, []);
  return (
    <div class="copy-box" data-testid="copy-box" data-account-id={accountId}>
      <label for="copy-name">{t('accountNameLabel')}</label>
      <div class="copy-row">
        <input id="copy-name" data-testid="copy-field" readOnly dir="auto" value={name} ref={field} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
        <button type="button" class="secondary" data-testid="copy-button" onClick={() => void copy()}>
          <CopyIcon />
          {t('copyName')}
        </button>
      </div>
      <p class="copy-status" role="status">
        {copied === true ? t('copied') : copied === false ? t('copyFallback') : ''}
      </p>
      {page && (
        <a class="page-link" href={page} target="_blank" rel="noreferrer noopener">
          <LinkIcon />
          {t('openAccountPage')}
        </a>
      )}
    </div>
  );
}

function CheckItem({ item, current, onPick, ctl, busy }: { item: ChecklistItem; current: boolean; onPick: () => void; ctl: Controller; busy: boolean }) {
  const id = `check-${item.accountId}`;
  return (
    <li class={`check-item${item.done ? ' done' : ''}${current ? ' current' : ''}`} data-testid="checklist-item" data-account-id={item.accountId} data-state={item.state}>
      <input
        type="checkbox"
        id={id}
        checked={item.done}
        disabled={busy}
        onChange={(e) => void ctl.run({ type: 'account/unfollowed', accountId: item.accountId, name: item.name, done: (e.currentTarget as HTMLInputElement).checked })}
      />
      <label for={id}>
        <Name name={item.name} class="clamp-2" />
        <span class="check-meta">
          {item.articles > 0 && t('checklistPromo', item.promo, item.articles)}
          {item.state === 'followed-again' && <span class="tag followed-again">{t('stateFollowedAgain')}</span>}
        </span>
      </label>
      <button type="button" class="icon-button" aria-label={t('copyNameOf', displayName(item.name, 40))} title={t('copyName')} onClick={onPick}>
        <CopyIcon />
      </button>
    </li>
  );
}
