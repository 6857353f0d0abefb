/**
 * The layer rules of docs/architecture.md, enforced: every import of every
 * `.ts` and `.svelte` file under src/ is read and checked against the rules
 * of its layer, and core/ is also searched for browser, Node and
 * non-deterministic globals. A new file that breaks a rule fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src');
const LAYERS = ['core', 'adapters', 'state', 'ui', 'cli'] as const;
type Layer = (typeof LAYERS)[number] | 'app';

/** Which layers each layer may import (its own always allowed). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: [],
  adapters: ['core'],
  state: ['core', 'adapters'],
  // The UI reads core's types and constants (pure vocabulary) but reaches
  // adapters only through state.
  ui: ['core', 'state'],
  cli: ['core', 'adapters'],
  app: ['core', 'adapters', 'state', 'ui'],
};

/** Files outside src/ that a layer may bundle: the version number and the sample datasets. */
const OUTSIDE_SRC: [RegExp, readonly Layer[]][] = [
  [/\/package\.json$/, ['core', 'cli']],
  [/\/public\/samples\/[^/]+\.csv$/, ['adapters']],
];

/** Packages core may use: pure computation that runs in Node and workers alike. */
const CORE_PACKAGES = [
  /^@tensorflow\/tfjs(-core)?$/,
  /^@noble\/hashes\//,
  /^fflate$/,
  /^arquero$/,
  /^onnx-proto$/,
  // Parquet, Arrow IPC and YAML: pure JS, no I/O (data export/import, the MLflow layout).
  /^hyparquet(-writer)?$/,
  /^@uwdata\/flechette$/,
  /^yaml$/,
];
/** Packages that belong to one layer only. */
const PACKAGE_LAYERS: [RegExp, readonly Layer[]][] = [
  [/^node:/, ['adapters', 'cli']],
  [/^idb$/, ['adapters']],
  [/^comlink$/, ['adapters']],
  [/^svelte(\/|$)/, ['state', 'ui', 'app']],
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

function layerOf(file: string): Layer {
  const top = relative(src, file).split(/[\\/]/)[0];
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : 'app';
}

/** Every module specifier a file imports, statically, dynamically or as a worker URL (comments ignored). */
function importsOf(source: string): string[] {
  const text = withoutComments(source);
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /new\s+URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** Source text without comments (a comment may say "the import's …", which is no import). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

/** Source text without comments and string contents, for searching identifiers. */
function codeOnly(text: string): string {
  return withoutComments(text).replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
}

const FORBIDDEN_IN_CORE: [RegExp, string][] = [
  [
    /\b(window|document|navigator|localStorage|indexedDB|IDBDatabase|self|postMessage|importScripts)\b/,
    'a browser API',
  ],
  [/\bnew\s+Worker\b/, 'a Worker'],
  [/\b(process|Buffer|require|__dirname)\b/, 'a Node API'],
  [/\bMath\.random\s*\(/, 'Math.random (pass an rng in)'],
  [/\bDate\.now\s*\(|\bnew\s+Date\s*\(\s*\)|\bperformance\.now\s*\(/, 'the clock (pass now in)'],
];

const files = filesUnder(src);

/** Everything wrong with one file, as readable lines. */
function violations(file: string): string[] {
  const layer = layerOf(file);
  const text = readFileSync(file, 'utf8');
  const problems: string[] = [];
  for (const specifier of importsOf(text)) {
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier.split('?')[0]);
      if (!target.startsWith(src)) {
        const allowed = OUTSIDE_SRC.find(([pattern]) => pattern.test(target))?.[1] ?? [];
        if (!allowed.includes(layer)) problems.push(`${layer} imports ${specifier}, outside src/`);
        continue;
      }
      const targetLayer = layerOf(target);
      if (targetLayer !== layer && !MAY_IMPORT[layer].includes(targetLayer))
        problems.push(`${layer} imports ${targetLayer}: ${specifier}`);
      continue;
    }
    const rule = PACKAGE_LAYERS.find(([pattern]) => pattern.test(specifier));
    if (rule && !rule[1].includes(layer)) problems.push(`${layer} imports ${specifier}`);
    if (layer === 'core' && !CORE_PACKAGES.some((pattern) => pattern.test(specifier)))
      problems.push(`core imports the package ${specifier}, which is not on core's list`);
  }
  if (layer === 'core') {
    const code = codeOnly(text);
    for (const [pattern, what] of FORBIDDEN_IN_CORE) if (pattern.test(code)) problems.push(`core uses ${what}`);
  }
  return problems.map((problem) => `${relative(src, file)}: ${problem}`);
}

describe('layer rules', () => {
  it('finds the source files and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(importsOf(`import { a } from './a.ts';\nimport type { B } from "../b.ts";`)).toEqual(['./a.ts', '../b.ts']);
    // Words in comments are no imports: "the import's smoke prediction … each column's".
    expect(importsOf(`/** for the import's check, per column's value */\nimport './c.ts';`)).toEqual(['./c.ts']);
  });

  for (const layer of [...LAYERS, 'app'] as const) {
    it(`${layer} imports only what its layer may`, () => {
      expect(files.filter((file) => layerOf(file) === layer).flatMap(violations)).toEqual([]);
    });
  }

  it('would catch a UI component importing an adapter', () => {
    const ui = join(src, 'ui/data/Example.svelte');
    const text = `<script lang="ts">import { readFileBytes } from '../../adapters/browser-files/read-file.ts';</script>`;
    const target = resolve(dirname(ui), importsOf(text)[0]);
    expect(layerOf(target)).toBe('adapters');
    expect(MAY_IMPORT[layerOf(ui)]).not.toContain('adapters');
  });

  it('would catch core reading the clock or the DOM', () => {
    const code = codeOnly(`// Date.now() in a comment is fine\nconst t = Date.now(); document.title = 'x';`);
    expect(FORBIDDEN_IN_CORE.filter(([pattern]) => pattern.test(code)).map(([, what]) => what)).toEqual([
      'a browser API',
      'the clock (pass now in)',
    ]);
  });
});
