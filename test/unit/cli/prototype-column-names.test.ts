import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFromCsv, draftSchema, profileDraft, withColumnRole } from '../../../src/core/data/draft.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../../src/core/data/profile/roles.ts';
import { canonicalJson } from '../../../src/core/hash/canonical-json.ts';
import { defaultPipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { runPipeline } from '../../../src/core/train/run-pipeline.ts';
import { parseTags } from '../../../src/ui/registry/tags.ts';
import { workbenchInProcess } from './run-workbench.ts';

// Item 7 of the hardening issue: column names that are also Object.prototype
// members. `__proto__` alone decides the label, so a model that reads it
// scores 1.0 on held-out rows, and one that silently drops it cannot.
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

function csv(): string {
  const lines = [`${NAMES.join(',')},label`];
  for (let i = 0; i < 200; i++) {
    const key = i % 2 === 0 ? 'left' : 'right';
    lines.push(
      `${key},${(i * 37) % 101},${['p', 'q', 'r'][(i * 7) % 3]},${(i * 13) % 17},${key === 'left' ? 'yes' : 'no'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-proto-'));
  file = join(dir, 'proto.csv');
  writeFileSync(file, csv());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = () => parseCsv(new TextEncoder().encode(csv()));

describe('columns named like Object.prototype members', () => {
  it('get a role like any other column', () => {
    const roles = guessRoles(parsed().table);
    expect(NAMES.map((n) => roles[n])).toEqual(['feature', 'feature', 'feature', 'feature']);
    expect(roles.label).toBe('target');
  });

  it('keep their role through a draft, a role change and the saved schema', () => {
    const draft = draftFromCsv(parsed(), 'proto.csv', 0);
    const changed = withColumnRole(draft, '__proto__', 'ignore');
    expect(draftSchema(changed).map((c) => c.role)).toEqual(['ignore', 'feature', 'feature', 'feature', 'target']);
    expect(draftSchema(draft).map((c) => c.role)).toEqual(['feature', 'feature', 'feature', 'feature', 'target']);
    expect(profileDraft(draft).columns.map((c) => c.role)).toEqual(draftSchema(draft).map((c) => c.role));
  });

  it('are profiled by the CLI, in text and JSON', async () => {
    const text = await workbenchInProcess('profile', file);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    for (const name of NAMES) expect(text.stdout).toMatch(new RegExp(`\\n${name}\\s+\\w+\\s+feature\\s`));
    const json = await workbenchInProcess('profile', file, '--json');
    const report = JSON.parse(json.stdout);
    expect(report.columns.map((c: { name: string; role: string }) => [c.name, c.role])).toEqual([
      ...NAMES.map((n) => [n, 'feature']),
      ['label', 'target'],
    ]);
  });

  it('are trained on: __proto__ decides the label, so held-out accuracy is 1.0 (CLI, forest)', async () => {
    const run = await workbenchInProcess('train', file, '--target', 'label', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.features).toEqual(NAMES);
    expect(report.metrics.accuracy).toBe(1);
    expect(report.importance[0].feature).toBe('__proto__');
  });

  it('are trained on by the pipeline (logistic regression), accuracy 1.0', async () => {
    const { table } = parsed();
    const roles = guessRoles(table);
    const schema = table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] }));
    const outcome = await runPipeline(table, schema, defaultPipelineSpec('proto', 'label', 'logistic'), {
      clock: () => 0,
    });
    expect(outcome.features).toEqual(NAMES);
    expect(outcome.metrics.task === 'classification' && outcome.metrics.accuracy).toBe(1);
  });

  it('is hashed when a record holds a "__proto__" key, and tags may be named so', () => {
    const record = JSON.parse('{"__proto__": "x", "b": 1}');
    expect(canonicalJson(record)).toBe('{"__proto__":"x","b":1}');
    expect(canonicalJson(record)).not.toBe(canonicalJson({ b: 1 }));
    const tags = parseTags('__proto__=a, constructor=b');
    expect(tags.ok && Object.entries(tags.tags)).toEqual([
      ['__proto__', 'a'],
      ['constructor', 'b'],
    ]);
  });
});
