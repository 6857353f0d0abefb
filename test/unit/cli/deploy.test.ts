import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, workbenchInProcess } from './run-workbench.ts';

// deploy, rollback and deployments over one workspace, in order, as a CD pipeline would:
// iris@1 is logistic regression (accuracy 0.9667), iris@2 a forest (0.9333).
const IRIS = join(root, 'public/samples/iris.csv');

let dir: string;
let ws: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-cli-deploy-'));
  ws = join(dir, 'ws');
  for (const model of ['logistic', 'forest']) {
    const run = await workbenchInProcess(
      'train',
      IRIS,
      '--target',
      'species',
      '--model',
      model,
      '--workspace',
      ws,
      '--register',
      'iris',
      '--json',
    );
    expect(run.stderr).toBe('');
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => workbenchInProcess(...args, '--workspace', ws);
const deployments = async () => {
  const run = await cli('deployments', '--json');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).deployments as Record<string, unknown>[];
};

describe('workbench deploy, rollback and deployments', () => {
  let first: Record<string, unknown>[];

  it('deploys version 1 to production after its checks, with no rollback plan yet', async () => {
    const run = await cli('deploy', 'iris', '1', '--env', 'production', '--json');
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.blocked).toBe(false);
    expect(result.deployment).toMatchObject({ id: 'iris/production#1', version: 1, active: true, replaces: null });
    expect(result.checks.map((c: { check: string; outcome: string }) => `${c.check}:${c.outcome}`)).toEqual([
      'artifact:passed',
      'signature:skipped',
      'gates:passed',
      'smoke:passed',
    ]);
    first = await deployments();
    expect(first).toEqual([
      expect.objectContaining({ model: 'iris', version: 1, env: 'production', active: true, replaces: null }),
    ]);
    expect(Object.keys(first[0]).slice(0, 6)).toEqual(['model', 'version', 'env', 'active', 'deployedAt', 'replaces']);
  });

  it('refuses to roll back the first deployment, and changes nothing', async () => {
    const run = await cli('rollback', 'iris', '--env', 'production');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no earlier deployment to roll back to. Deploy another version instead.');
    expect(await deployments()).toEqual(first);
  });

  it('blocks a version that fails the production gates, naming the check, and changes nothing', async () => {
    expect((await cli('gates', 'iris', '--set', '{"metrics":[{"metric":"accuracy","min":0.95}]}')).code).toBe(0);
    const run = await cli('deploy', 'iris', '2', '--env', 'production');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: deploy blocked: gates: It fails the Production promotion gates — metric:accuracy:min/,
    );
    expect(await deployments()).toEqual(first);
    expect((await cli('gates', 'iris', '--set', '{"metrics":[]}')).code).toBe(0);
  });

  it('blocks data without the signature columns, naming them', async () => {
    const partial = join(dir, 'partial.csv');
    writeFileSync(partial, 'sepal_length,sepal_width,species\n5.1,3.5,setosa\n');
    const run = await cli('deploy', 'iris', '2', '--env', 'production', '--data', partial);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('signature: The data lacks columns "petal_length", "petal_width"');
    expect(await deployments()).toEqual(first);
  });

  it('deploys version 2 (promoted to Production) with version 1 as its rollback plan', async () => {
    expect((await cli('promote', 'iris', '2', '--stage', 'Production')).code).toBe(0);
    const run = await cli('deploy', 'iris', '2', '--env', 'production', '--data', IRIS, '--json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).deployment).toMatchObject({ id: 'iris/production#2', replaces: 'iris/production#1' });
    const list = await deployments();
    expect(list.filter((d) => d.active)).toEqual([expect.objectContaining({ version: 2, env: 'production' })]);
    expect(list.find((d) => d.id === 'iris/production#1')).toMatchObject({ active: false, status: 'replaced' });
  });

  it('rolls back in one step: deployment 1 serves again exactly as before, and the registry follows', async () => {
    const run = await cli('rollback', 'iris', '--env', 'production', '--json');
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(
      result.transitions.map((t: { version: number; from: string; to: string }) => `${t.version}:${t.from}→${t.to}`),
    ).toEqual(['1:Development→Production', '2:Production→Archived']);
    const list = await deployments();
    expect(list.find((d) => d.id === 'iris/production#1')).toEqual(first[0]);
    expect(list.find((d) => d.id === 'iris/production#2')).toMatchObject({ active: false, status: 'rolled-back' });
    expect(list.filter((d) => d.active)).toHaveLength(1);
    const versions = JSON.parse((await cli('models', 'iris', '--json')).stdout) as { version: number; stage: string }[];
    expect(versions.map((v) => `${v.version}:${v.stage}`)).toEqual(['1:Production', '2:Archived']);
    const audit = await cli('audit', 'list', '--json');
    const types = (JSON.parse(audit.stdout) as { type: string }[]).map((e) => e.type);
    expect(types.filter((t) => t.startsWith('deployment.'))).toEqual([
      'deployment.deployed',
      'deployment.blocked',
      'deployment.blocked',
      'deployment.deployed',
      'deployment.rolled_back',
    ]);
    expect((await cli('audit', 'verify')).code).toBe(0);
  });

  it('keeps environments apart: staging has its own deployments', async () => {
    expect((await cli('deploy', 'iris', '1', '--env', 'staging')).code).toBe(0);
    const list = await deployments();
    expect(list.filter((d) => d.active).map((d) => `${d.env}:${d.version}`)).toEqual(['staging:1', 'production:1']);
    const bad = await cli('deploy', 'iris', '1', '--env', 'qa');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--env must be staging or production');
  });
});
