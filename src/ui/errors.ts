// Error replies in words. Codes come from the service worker (`messages.ts`, `background/handlers.ts`).
import type { ErrorReply } from '../messages';
import { t } from './i18n';

export function errorText(reply: ErrorReply): string {
  switch (reply.error) {
    case 'unreachable':
      return t('errorUnreachable');
    case 'storage-full':
      return t('errorStorageFull');
    case 'bad-import':
      return importErrorText(reply.detail ?? '');
    default:
      return t('errorGeneric', reply.detail ? `${reply.error}: ${reply.detail}` : reply.error);
  }
}

/** Why an import file was refused: `not-json`, `not-export`, `future-version`, `invalid:<path>: <issue>`. */
export function importErrorText(detail: string): string {
  if (detail === 'not-json') return t('importNotJson');
  if (detail === 'not-export') return t('importNotExport');
  if (detail === 'future-version') return t('importFutureVersion');
  if (detail.startsWith('invalid:')) return t('importInvalid', detail.slice('invalid:'.length).trim());
  return t('errorGeneric', detail || 'bad-import');
}
