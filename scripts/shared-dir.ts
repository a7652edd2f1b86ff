// The read-only real data (fixtures, corpora) for tests and the training/eval scripts: `../shared`
// beside the checkout, or where DECLUTTER_SHARED points (a clone elsewhere, e.g. a CI clone in /tmp).
// Importing this fails at once, naming both places, when neither exists; the build and demo never do.
import { locateShared } from './shared-path';

export { REPO_ROOT } from './shared-path';

const found = locateShared();
if (found.error) throw new Error(found.error);

export const SHARED_DIR: string = found.dir;
