import { describe, expect, it } from 'vitest';
import { DeployState } from '../../../src/state/deploy-state.svelte.ts';
import { inProcessReplayer } from './fakes/in-process-replayer.ts';
import { deployWorkspace } from './deploy-seed.ts';

async function setup() {
  const seeded = await deployWorkspace();
  const deploy = new DeployState(seeded.context, inProcessReplayer(seeded.context.store));
  await deploy.refresh();
  seeded.context.changes.log.length = 0;
  return { ...seeded, deploy };
}

describe('DeployState', () => {
  it('deploys v1 to production after its checks, shows it active with its history, and notifies', async () => {
    const { context, deploy, iris } = await setup();
    expect(deploy.modelName).toBe('iris');
    expect(deploy.versions.map((v) => v.version)).toEqual([1, 2, 3]);

    const result = await deploy.deploy('1', 'production', iris.id);
    expect(result?.blocked).toBe(false);
    expect(deploy.error).toBeNull();
    expect(deploy.lastChecks.map((c) => `${c.check}:${c.outcome}`)).toEqual([
      'artifact:passed',
      'signature:passed',
      'gates:passed',
      'smoke:passed',
    ]);
    expect(deploy.message).toBe('Version 1 of "iris" now serves production (iris/production#1).');
    expect(context.changes.log).toEqual([['registry', 'audit']]);
    const production = deploy.environments.find((e) => e.env === 'production')!;
    expect(production.active?.id).toBe('iris/production#1');
    expect(production.history.map((d) => d.id)).toEqual(['iris/production#1']);
    expect(deploy.environments.find((e) => e.env === 'staging')!.active).toBeNull();
    expect((await context.store.listAudit()).at(-1)?.type).toBe('deployment.deployed');
  });

  it('says "now serves" only after the environments were reread, so the status never precedes the card', async () => {
    const { context, deploy, iris } = await setup();
    const atReread: (string | null)[] = [];
    context.changes.subscribe(['registry'], () => {
      atReread.push(deploy.message);
    });
    await deploy.deploy('1', 'production', iris.id);
    expect(atReread).toEqual([null]);
    expect(deploy.message).toBe('Version 1 of "iris" now serves production (iris/production#1).');
    expect(deploy.environments.find((e) => e.env === 'production')!.active?.id).toBe('iris/production#1');
  });

  it('blocks a deploy whose data does not match the signature, naming the check, and changes nothing', async () => {
    const { context, deploy } = await setup();
    const other = await (
      await import('./fakes/workspace-seed.ts')
    ).saveVersion(context, 'penguins', (await import('./fakes/test-context.ts')).sampleCsv('penguins'));
    const result = await deploy.deploy('1', 'staging', other.id);
    expect(result?.blocked).toBe(true);
    expect(deploy.blocked?.failed.map((c) => c.check)).toEqual(['signature', 'smoke']);
    expect(deploy.error).toBe(
      'Deploy of iris@1 to staging blocked: the signature and smoke checks failed. Nothing changed.',
    );
    expect(await context.store.listRecords('deployments')).toEqual([]);
    expect((await context.store.listAudit()).at(-1)?.type).toBe('deployment.blocked');
  });

  it('refuses a rollback with nothing to roll back to, then rolls v2 back to v1 in one step', async () => {
    const { context, deploy, iris } = await setup();
    await deploy.deploy('1', 'production', iris.id);
    expect(await deploy.rollback('production', '')).toBe(false);
    expect(deploy.error).toContain('is the first deployment of "iris" in production: there is no earlier deployment');

    await deploy.deploy('2', 'production', iris.id);
    const before = (await context.store.listRecords('deployments')).find((d) => d.id === 'iris/production#1');
    expect(await deploy.rollback('production', 'worse in production')).toBe(true);
    expect(deploy.message).toBe(
      'Rolled production back: version 1 serves again (iris/production#1); version 2 is rolled back.',
    );
    const production = deploy.environments.find((e) => e.env === 'production')!;
    expect(production.active).toEqual({ ...before, active: true, status: 'active' });
    expect(production.history.map((d) => [d.id, d.status])).toEqual([
      ['iris/production#2', 'rolled-back'],
      ['iris/production#1', 'active'],
    ]);
    expect((await context.store.listAudit()).at(-1)?.type).toBe('deployment.rolled_back');
  });
});
