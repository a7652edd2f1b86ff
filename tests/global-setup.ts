// Before any test: the shared real data must be there, or the run stops with one clear error naming
// where it looked (instead of a file-not-found deep inside the first test that reads a page).
import { locateShared } from '../scripts/shared-path';

export default function setup(): void {
  const { error } = locateShared();
  if (error) throw new Error(error);
}
