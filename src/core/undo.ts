// What the last reversible action can restore, as the worker replies it and keeps it in storage.local.
// Its own module so the popup's snapshot can check it before the first frame without evaluating
// every message schema (src/messages.ts re-exports it as part of the replies).
import { Label } from './article';
import { z } from './zod';

/** What the last reversible action can restore: the prior value of each pref item and label it changed. */
export const UndoRecord = z.object({
  action: z.enum(['mute', 'unmute', 'pin', 'unpin', 'dismiss', 'unfollowed', 'refollowed', 'correct']),
  accountId: z.string(),
  name: z.string().check(z.maxLength(200)),
  at: z.int(),
  prefs: z.record(z.string(), z.unknown()),
  labels: z.array(z.object({ key: z.string(), before: z.nullable(Label) })),
});
export type UndoRecord = z.infer<typeof UndoRecord>;
