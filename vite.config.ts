// One config, several targets, picked by `--mode` (see scripts/build.mjs):
//   pages       the options page (Preact, ES modules)
//   popup       the popup (Preact): one ES module for its first frame, its CSS inlined in its page, and
//               one chunk it imports after that frame (browser APIs, IndexedDB, messages)
//   background  the service worker, one classic script (MV3 Chrome and Firefox `background.scripts`)
//   content-article / content-list   content scripts, one IIFE each with no imports
import { defineConfig } from 'vitest/config';
import type { Plugin, UserConfig } from 'vite';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = import.meta.dirname;
/**
 * `npm run build:e2e` builds the same extension into dist-e2e with the page-side test hooks switched
 * on (src/shared/test-hooks.ts); `npm run build` leaves them out, so dist carries none.
 */
const e2e = process.env['DECLUTTER_BUILD'] === 'e2e';
const outDir = e2e ? 'dist-e2e' : 'dist';
const scriptEntries: Record<string, string> = {
  background: 'src/background/index.ts',
  'content-article': 'src/content/article.ts',
  'content-list': 'src/content/list.ts',
};

/**
 * MV3 forbids eval. zod runs jitless (src/core/zod.ts), so its code generator is dead code: cut it out
 * of the bundles so no `Function` constructor ships at all.
 */
const noEval: Plugin = {
  name: 'no-eval',
  transform(code, id) {
    if (!/[\\/]zod[\\/]v4[\\/]core[\\/](util|doc)\.js$/.test(id)) return null;
    const out = code
      .replace(/const F = Function;\s*new F\(""\);\s*return true;/, 'return false;')
      .replace(/const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);/, 'throw new Error("code generation is disabled (MV3 CSP)");');
    if (out.includes('Function;')) this.error(`no-eval: zod changed shape in ${id}`);
    return { code: out, map: null };
  },
};

const shared: UserConfig = {
  plugins: [noEval],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { target: 'chrome120', minify: true, sourcemap: false, reportCompressedSize: false },
  define: { 'process.env.NODE_ENV': JSON.stringify('production'), __TEST_HOOKS__: JSON.stringify(e2e || !!process.env['VITEST']) },
};

/**
 * The popup's first frame waits for one script, its CSS inlined in its page (measured against a blank
 * extension page by `npm run bench`). Extension pages' CSP forbids inline scripts, not inline styles.
 * That script is an ES module so that what the first frame does not use (webextension-polyfill, idb,
 * the storage and message modules: src/ui/browser-io.ts) is a chunk of its own, imported afterwards:
 * a smaller file to fetch and less to evaluate before the first rows.
 */
const popupPage: Plugin = {
  name: 'popup-page',
  // After Vite's CSS plugin has emitted the popup's stylesheet (lib mode writes it as one file).
  writeBundle(options, bundle) {
    const dir = options.dir ?? resolve(root, outDir);
    let css = '';
    for (const [name, chunk] of Object.entries(bundle)) {
      if (!name.endsWith('.css') || chunk.type !== 'asset') continue;
      css += String(chunk.source).replace(/\/\*\$vite\$:\d+\*\/\n?/g, '');
      rmSync(resolve(dir, name));
    }
    if (!css) this.error('popup-page: the popup has no CSS');
    const template = readFileSync(resolve(root, 'src/popup/index.html'), 'utf8');
    const script = '<script type="module" src="./main.tsx"></script>';
    if (!template.includes(script) || !template.includes('</head>') || !template.includes('<meta charset="utf-8">')) this.error('popup-page: src/popup/index.html changed shape');
    // A module (deferred), first in the head: fetched while the page (and the CSS) parses, run once it is parsed.
    const html = template
      .replace(script, '')
      .replace('<meta charset="utf-8">', '<meta charset="utf-8"><script type="module" src="main.js"></script>')
      .replace('</head>', () => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style></head>`);
    writeFileSync(resolve(dir, 'popup/index.html'), html);
  },
};

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'popup') {
    return {
      ...shared,
      plugins: [noEval, popupPage],
      publicDir: false,
      build: {
        ...shared.build,
        outDir,
        emptyOutDir: false,
        cssCodeSplit: false,
        lib: { entry: resolve(root, 'src/popup/main.tsx'), formats: ['es'], fileName: () => 'popup/main.js' },
        rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { chunkFileNames: 'popup/[name]-[hash].js', minify: true } },
      },
    };
  }
  const entry = scriptEntries[mode];
  if (entry) {
    return {
      ...shared,
      publicDir: false,
      build: {
        ...shared.build,
        outDir,
        emptyOutDir: false,
        lib: { entry: resolve(root, entry), formats: ['iife'], name: mode.replace(/-/g, '_'), fileName: () => `${mode}.js` },
      },
    };
  }
  return {
    ...shared,
    test: {
      root,
      globalSetup: ['tests/global-setup.ts'],
      projects: [
        { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], exclude: ['tests/e2e/**'], testTimeout: 30_000 } },
        { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false } },
      ],
    },
    root: resolve(root, 'src'),
    publicDir: resolve(root, 'public'),
    base: '',
    build: {
      ...shared.build,
      outDir: resolve(root, outDir),
      emptyOutDir: true,
      rolldownOptions: {
        input: { options: resolve(root, 'src/options/index.html') },
      },
      modulePreload: { polyfill: false },
    },
    plugins: [
      noEval,
      {
        name: 'manifest',
        // The manifest lives at the top level; dist gets it with the package version stamped in.
        writeBundle() {
          const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
          manifest.version = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version;
          writeFileSync(resolve(root, outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
        },
      },
    ],
  };
});
