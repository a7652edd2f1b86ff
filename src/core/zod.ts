// The one place zod is configured. Every module imports `z` from here, never from 'zod', so that:
// - it is the tree-shakable `zod/mini` API (classic zod drags JSON Schema conversion and every method
//   into each bundle, content scripts and service worker included);
// - jitless is set: MV3 pages forbid eval, and zod 4 compiles parsers with `new Function` unless it is;
// - issue messages are zod's English ones, as classic zod sets by default and mini does not (import
//   errors show them to the reader, e.g. `accounts.0.id: Invalid input: expected string, received number`).
import { en } from 'zod/locales';
import { z } from 'zod/mini';

z.config({ jitless: true, ...en() });

export { z };
