// The popup's parts and the storage layer import only downwards: starting from every module in
// src/popup and src/storage, the graph of relative imports (type imports included) has no cycle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function modulesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? modulesIn(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The project modules a file imports, re-exports or loads dynamically (packages are leaves). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = resolve(dirname(file), fileName);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((c) => existsSync(c) && statSync(c).isFile());
    if (!hit) throw new Error(`${relative(SRC, file)}: cannot resolve ${fileName}`);
    out.push(hit);
  }
  return out;
}

/** Every cycle's modules (strongly connected components of more than one module, or a self-import), reachable from `roots`. */
function cyclesFrom(roots: string[]): string[][] {
  const graph = new Map<string, string[]>();
  const pending = [...roots];
  while (pending.length) {
    const f = pending.pop()!;
    if (graph.has(f)) continue;
    const next = importsOf(f);
    graph.set(f, next);
    pending.push(...next);
  }
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(relative(SRC, w));
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return found;
}

describe('import graph', () => {
  const roots = [...modulesIn(join(SRC, 'popup')), ...modulesIn(join(SRC, 'storage'))];

  test('reads every import of the popup and storage modules', () => {
    expect(roots.length).toBeGreaterThan(10);
    expect(importsOf(join(SRC, 'popup/Popup.tsx')).map((f) => relative(SRC, f))).toContain('popup/controller.ts');
  });

  test('finds a cycle when there is one (type-only imports count)', () => {
    const fixture = join(import.meta.dirname, 'fixtures/cycle/a.ts');
    expect(cyclesFrom([fixture])).toHaveLength(1);
  });

  test('no module of src/popup or src/storage imports a module that imports it back', () => {
    expect(cyclesFrom(roots)).toEqual([]);
  });
});
