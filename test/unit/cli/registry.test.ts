import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, workbench, workbenchInProcess, type Run } from './run-workbench.ts';

// The registry commands over a workspace folder: train/run --register, models,
// gates, promote, export and import, and the audit chain after all of them.
// The tests run in order on one workspace, as a CI pipeline would.
const IRIS = join(root, 'public/samples/iris.csv');

let dir: string;
let ws: string;
let first: Run;
let second: Run;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-cli-registry-'));
  ws = join(dir, 'ws');
  // Logistic (accuracy 0.9667 on this split) first, forest (0.9333) second: version 2 is the worse one.
  first = await workbench(
    'train',
    IRIS,
    '--target',
    'species',
    '--model',
    'logistic',
    '--workspace',
    ws,
    '--register',
    'iris',
  );
  second = await workbenchInProcess(
    'train',
    IRIS,
    '--target',
    'species',
    '--model',
    'forest',
    '--workspace',
    ws,
    '--register',
    'iris',
    '--json',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => workbenchInProcess(...args, '--workspace', ws);
const json = async (...args: string[]) => {
  const run = await cli(...args, '--json');
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
};

/** A copy of `zip` with one byte flipped inside the compressed data of `name`. */
function flipInside(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  const at = out.indexOf(Buffer.from(name));
  const header = at - 30;
  const data = at + out.readUInt16LE(header + 26) + out.readUInt16LE(header + 28);
  out[data + (out.readUInt32LE(header + 18) >> 1)] ^= 1;
  return out;
}

describe('workbench train --register', () => {
  it('registers each stored run as the next version: 1, then 2', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('model     iris@1 (version 1 of "iris", Development)');
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.modelVersion).toEqual({ id: 'iris@2', modelName: 'iris', version: 2, stage: 'Development' });
    expect(Object.keys(report).at(-1)).toBe('spec');
  });

  it('registers a saved spec run with workbench run too, as version 3 of a copy', async () => {
    const copy = join(dir, 'run-copy');
    cpSync(ws, copy, { recursive: true });
    const specPath = join(dir, 'spec.json');
    writeFileSync(specPath, JSON.stringify(JSON.parse(second.stdout).spec));
    const run = await workbenchInProcess(
      'run',
      specPath,
      '--data',
      IRIS,
      '--workspace',
      copy,
      '--register',
      'iris',
      '--json',
    );
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.modelVersion).toMatchObject({ id: 'iris@3', version: 3 });
    expect(report.metrics.accuracy).toBe(JSON.parse(second.stdout).metrics.accuracy);
  });

  it('registers nothing when the run fails, and needs --workspace', async () => {
    const failing = join(dir, 'failing');
    const run = await workbenchInProcess(
      'train',
      IRIS,
      '--target',
      'nope',
      '--workspace',
      failing,
      '--register',
      'iris',
    );
    expect(run.code).toBe(1);
    expect(JSON.parse((await workbenchInProcess('models', '--workspace', failing, '--json')).stdout)).toEqual([]);
    const types = JSON.parse((await workbenchInProcess('audit', 'list', '--workspace', failing, '--json')).stdout).map(
      (e: { type: string }) => e.type,
    );
    expect(types).toEqual(['dataset.version_saved', 'run.started', 'run.failed']);

    const bare = await workbenchInProcess('train', IRIS, '--target', 'species', '--register', 'iris');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--register needs --workspace');
    const badName = await workbenchInProcess(
      'train',
      IRIS,
      '--target',
      'species',
      '--workspace',
      join(dir, 'bad-name'),
      '--register',
      'no spaces',
    );
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain('"no spaces" cannot name a model');
    expect(existsSync(join(dir, 'bad-name'))).toBe(false);
  });
});

describe('workbench models', () => {
  it('lists the model with its version numbers and no Production version', async () => {
    expect(await json('models')).toEqual([
      expect.objectContaining({
        name: 'iris',
        latestVersion: 2,
        versions: [1, 2],
        production: null,
        gates: expect.objectContaining({ stages: ['Production'] }),
      }),
    ]);
    const table = await cli('models');
    expect(table.stdout.split('\n')[1].trim().split(/\s+/).slice(0, 4)).toEqual(['iris', '2', '2', '-']);
  });

  it('lists one model’s version records with their runs, dataset version and metrics', async () => {
    const versions = await json('models', 'iris');
    const report = JSON.parse(second.stdout);
    expect(versions.map((v: { id: string; stage: string; modelKind: string }) => [v.id, v.stage, v.modelKind])).toEqual(
      [
        ['iris@1', 'Development', 'logistic'],
        ['iris@2', 'Development', 'forest'],
      ],
    );
    expect(versions[0].runId).toBe(/\nrun {7}(\S+)\n/.exec(first.stdout)![1]);
    expect(versions[1]).toMatchObject({ runId: report.runId, datasetVersionId: report.datasetVersionId, testRows: 30 });
    expect(versions[0].metrics.accuracy).toBeCloseTo(29 / 30, 10);
    expect(versions[1].metrics.accuracy).toBeCloseTo(28 / 30, 10);
    const text = (await cli('models', 'iris')).stdout;
    expect(text.split('\n')[0]).toBe('model iris: 2 versions, none in Production');
    expect(text).toMatch(/\n\s+1\s+Development\s+-\s+0\.9667\s+/);
  });

  it('exits 1 for an unknown model, naming the ones there are', async () => {
    const run = await cli('models', 'churn');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: There is no model named "churn". Pick one of "iris", or register a run under that name first.\n',
    );
  });
});

describe('workbench promote', () => {
  it('moves version 1 to Production', async () => {
    const run = await cli('promote', 'iris', '1', '--stage', 'Production', '--reason', 'first release');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('iris@1: Development → Production\n');
  });

  it('blocks a worse version with an accuracy gate relative to Production (exit 1, one line) and records the attempt', async () => {
    const gates = await cli('gates', 'iris', '--set', '{"metrics":[{"metric":"accuracy","maxRegression":0}]}');
    expect(gates.code).toBe(0);
    expect(gates.stdout).toContain('accuracy at most 0 worse than Production');

    // The real binary, for the exit code a CI job sees.
    const run = await workbench('promote', 'iris', '2', '--stage', 'Production', '--workspace', ws);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toMatch(
      /^error: promotion blocked: metric:accuracy:regression: accuracy is 0\.9333, 0\.03333 lower \(worse\) than Production version 1 \(0\.9667\); the gate allows at most 0\./,
    );

    const blocked = await json('audit', 'list', '--type', 'model.promotion_blocked');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({
      subject: 'iris@2',
      actor: 'cli',
      data: { from: 'Development', to: 'Production', failedGates: [{ gate: 'metric:accuracy:regression' }] },
    });
    expect((await json('models', 'iris')).map((v: { stage: string }) => v.stage)).toEqual([
      'Production',
      'Development',
    ]);
  });

  it('requires an approval when the gates say so, then archives the old Production version', async () => {
    expect((await cli('gates', 'iris', '--set', '{"metrics":[],"requireApproval":true}')).code).toBe(0);
    expect(await json('gates', 'iris')).toMatchObject({
      metrics: [],
      requireApproval: true,
      requireQualityChecks: true,
    });

    const unapproved = await cli('promote', 'iris', '2', '--stage', 'Production');
    expect(unapproved.code).toBe(1);
    expect(unapproved.stderr).toMatch(
      /^error: promotion blocked: approval: This promotion needs an approval\..*\(--approver <name> --comment <text>\)\n$/,
    );

    const approved = await cli(
      'promote',
      'iris',
      '2',
      '--stage',
      'Production',
      '--approver',
      'Ana',
      '--comment',
      'Simpler model, accepted',
    );
    expect(approved.stderr).toBe('');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toBe(
      'iris@2: Development → Production (approved by Ana)\niris@1: Production → Archived (replaced by version 2)\n',
    );
    expect((await json('models', 'iris')).map((v: { stage: string }) => v.stage)).toEqual(['Archived', 'Production']);
    expect(await json('models')).toEqual([expect.objectContaining({ production: 2 })]);
    const changed = await json('audit', 'list', '--type', 'model.stage_changed');
    expect(
      changed.map((e: { subject: string; data: { approver: string | null; archivedVersion: number | null } }) => [
        e.subject,
        e.data.approver,
        e.data.archivedVersion,
      ]),
    ).toEqual([
      ['iris@1', null, null],
      ['iris@2', 'Ana', 1],
    ]);
  });

  it('rejects a bad command line with exit 2', async () => {
    expect((await cli('promote', 'iris', '1')).stderr).toContain('--stage <stage>');
    expect((await cli('promote', 'iris', '1', '--stage', 'Live')).code).toBe(2);
    expect((await cli('promote', 'iris', '--stage', 'Production')).code).toBe(2);
    const half = await cli('promote', 'iris', '1', '--stage', 'Staging', '--approver', 'Ana');
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('needs both --approver <name> and --comment <text>');
  });
});

describe('workbench export and import', () => {
  let zipPath: string;

  it('exports a version as a bundle and imports it into a fresh workspace, where it is listed', async () => {
    zipPath = join(dir, 'iris-v2.zip');
    const exported = await cli('export', 'iris', '2', '--out', zipPath);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/^exported iris@2 \(forest, Production\) to .*iris-v2\.zip \(\d+ bytes\)\n$/);
    // Exporting again gives the same bytes.
    const again = join(dir, 'again.zip');
    await cli('export', 'iris', '2', '--out', again);
    expect(readFileSync(again).equals(readFileSync(zipPath))).toBe(true);

    const fresh = join(dir, 'fresh');
    const imported = await workbench('import', zipPath, '--workspace', fresh);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      'imported iris@2, in Development; model "iris" created with the default gates\nits metrics are reported by the exporter: this workspace cannot re-derive them\n',
    );
    const listed = JSON.parse((await workbenchInProcess('models', 'iris', '--workspace', fresh, '--json')).stdout);
    const source = (await json('models', 'iris'))[1];
    expect(listed).toEqual([
      {
        ...source,
        stage: 'Development',
        // The original's time and author are kept; the import is recorded beside them.
        createdAt: source.createdAt,
        createdBy: source.createdBy,
        imported: { at: expect.any(String), by: 'cli', fromId: 'iris@2' },
        metricsReportedByExporter: true,
      },
    ]);
    const table = (await workbenchInProcess('models', 'iris', '--workspace', fresh)).stdout;
    expect(table).toMatch(/^ *2 +Development +- +\d\.\d{4}\* /m);
    expect(table).toContain('* metrics reported by the exporter of an imported bundle');
    expect((await workbenchInProcess('audit', 'verify', '--workspace', fresh)).code).toBe(0);

    const twice = await workbenchInProcess('import', zipPath, '--workspace', fresh);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('is already version 2 of "iris" in this workspace');
    const reexport = await workbenchInProcess('export', 'iris', '2', '--workspace', fresh, '--out', join(dir, 'x.zip'));
    expect(reexport.code).toBe(1);
    expect(reexport.stderr).toContain('is not in this workspace (the version was imported)');
  });

  it('refuses a bundle with one flipped byte (exit 1, naming the file) and creates nothing', async () => {
    const bad = join(dir, 'bad.zip');
    writeFileSync(bad, flipInside(readFileSync(zipPath), 'iris-v2/model-card.md'));
    const target = join(dir, 'never');
    const run = await workbench('import', bad, '--workspace', target);
    expect(run.code).toBe(1);
    // Depending on where the flip lands in the deflate stream, it breaks decompression or only changes the bytes.
    expect(run.stderr).toMatch(
      /^error: (model-card\.md does not match its checksum in manifest\.json: the bundle is corrupted or was edited|"iris-v2\/model-card\.md" in the zip cannot be read: the file is truncated or damaged)\. Export (it|the model) again from the workbench[^\n]*\n$/,
    );
    expect(existsSync(target)).toBe(false);
  });

  it('needs --out, and names the version that is not there', async () => {
    expect((await cli('export', 'iris', '2')).code).toBe(2);
    const missing = await cli('export', 'iris', '7', '--out', join(dir, 'none.zip'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Model "iris" has no version 7. Its versions are 1, 2.');
  });
});

describe('workbench audit verify after registry actions', () => {
  it('exits 0 with every registry action, approval and blocked attempt in the chain', async () => {
    const types = (await json('audit', 'list')).map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t.startsWith('model.'))).toEqual([
      'model.registered',
      'model.registered',
      'model.stage_changed',
      'model.gates_set',
      'model.promotion_blocked',
      'model.gates_set',
      'model.promotion_blocked',
      'model.stage_changed',
    ]);
    const run = await cli('audit', 'verify');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(
      new RegExp(`^audit chain intact: ${types.length} events, head [0-9a-f]{64}$`),
    );
  });

  it('still names an edited registry event', async () => {
    const target = join(dir, 'tampered');
    cpSync(ws, target, { recursive: true });
    const lines = readFileSync(join(target, 'audit.jsonl'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"model.stage_changed"') && l.includes('"Ana"'));
    lines[at] = lines[at].replace('"Ana"', '"Mallory"');
    writeFileSync(join(target, 'audit.jsonl'), lines.join('\n'));
    const run = await workbenchInProcess('audit', 'verify', '--workspace', target);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`event ${at + 1}: event ${at + 1} was edited`);
  });
});
