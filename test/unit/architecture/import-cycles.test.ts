/**
 * No import cycles: a module graph with a cycle has no order in which its
 * modules can be understood (or initialised) one at a time. The state layer
 * had one through five files; this keeps every folder of src/ free of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

/** The source files a file imports by relative path (type-only imports too: they tie the modules as much). */
function localImports(file: string, text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"](\.[^'"]+)['"]/g,
    /\bimport\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const [, specifier] of text.matchAll(pattern)) {
      const target = resolve(dirname(file), specifier.split('?')[0]);
      if (target.startsWith(src) && existsSync(target)) found.add(target);
    }
  }
  return [...found];
}

/** The first cycle found by a depth-first search, as a path that ends where it starts; null when there is none. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  function visit(node: string): string[] | null {
    if (onPath.has(node)) return [...path.slice(path.indexOf(node)), node];
    if (done.has(node)) return null;
    path.push(node);
    onPath.add(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    onPath.delete(node);
    done.add(node);
    return null;
  }
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const graph = new Map(filesUnder(src).map((file) => [file, localImports(file, readFileSync(file, 'utf8'))]));

describe('import cycles', () => {
  it('finds a cycle through three modules, and none in a chain', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toBeNull();
  });

  it('reads the state layer’s imports', () => {
    const context = join(src, 'state/app-context.ts');
    expect(graph.get(context)).toContain(join(src, 'state/data-state.svelte.ts'));
  });

  it('no module under src/ imports itself through others', () => {
    expect(findCycle(graph)?.map((file) => relative(src, file)) ?? null).toBeNull();
  });
});
