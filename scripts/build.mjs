// Builds dist/ (`--e2e`: dist-e2e/, the same extension with the page-side test hooks and the bench's
// blank page): pages first (it empties the folder), then each script as its own self-contained bundle.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'vite';
import { writeIcons } from './icons.mjs';

const e2e = process.argv.includes('--e2e');
process.env.DECLUTTER_BUILD = e2e ? 'e2e' : 'release';
const out = e2e ? 'dist-e2e' : 'dist';
const modes = ['pages', 'popup', 'background', 'content-article', 'content-list'];
for (const mode of modes) {
  await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, mode, logLevel: 'warn' });
}
writeIcons(new URL(`../${out}/icons`, import.meta.url).pathname);
if (e2e) {
  // The floor `npm run bench` compares the popup with: an extension page with the popup's head and
  // nothing else. Only in the test build; release archives never carry it.
  mkdirSync(new URL(`../${out}/bench`, import.meta.url), { recursive: true });
  copyFileSync(new URL('./bench/blank.html', import.meta.url), new URL(`../${out}/bench/blank.html`, import.meta.url));
}
console.log(`built ${out}/ (${modes.join(', ')})`);
