// Builds dist/ (`--e2e`: dist-e2e/, the same extension with the page-side test hooks): pages first
// (it empties the folder), then each script as its own self-contained bundle.
import { build } from 'vite';
import { writeIcons } from './icons.mjs';

const e2e = process.argv.includes('--e2e');
process.env.DECLUTTER_BUILD = e2e ? 'e2e' : 'release';
const out = e2e ? 'dist-e2e' : 'dist';
const modes = ['pages', 'background', 'content-article', 'content-list'];
for (const mode of modes) {
  await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, mode, logLevel: 'warn' });
}
writeIcons(new URL(`../${out}/icons`, import.meta.url).pathname);
console.log(`built ${out}/ (${modes.join(', ')})`);
