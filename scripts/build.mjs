// Builds dist/: pages first (it empties dist), then each script as its own self-contained bundle.
import { build } from 'vite';
import { writeIcons } from './icons.mjs';

const modes = ['pages', 'background', 'content-article', 'content-list'];
for (const mode of modes) {
  await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, mode, logLevel: 'warn' });
}
writeIcons(new URL('../dist/icons', import.meta.url).pathname);
console.log(`built dist/ (${modes.join(', ')})`);
