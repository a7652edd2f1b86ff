// The one place zod is configured. MV3 pages forbid eval, and zod 4 compiles parsers with
// `new Function` unless jitless is set, so every module imports `z` from here, never from 'zod'.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
