import { describe, expect, it } from 'vitest';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import {
  assessMaturity,
  MATURITY_CRITERIA,
  readInventory,
  type WorkspaceInventory,
} from '../../../src/core/maturity/index.ts';
import { seededRng, type Rng } from '../../../src/core/random/rng.ts';

const EMPTY: WorkspaceInventory = {
  datasetVersions: 0,
  completedRuns: 0,
  mostRepeatedSpec: null,
  modelVersions: 0,
  gatedModels: 0,
  promotions: 0,
  deployments: 0,
  monitoredModels: 0,
  driftRules: 0,
  predictionLogBatches: 0,
  alerts: 0,
  retrainingPolicies: 0,
  retrainings: 0,
  auditEvents: 0,
  auditProblem: null,
};

/** Everything level 3 asks for. */
const FULL: WorkspaceInventory = {
  ...EMPTY,
  datasetVersions: 2,
  completedRuns: 3,
  mostRepeatedSpec: { spec: 'abc12345', runs: 2 },
  modelVersions: 2,
  gatedModels: 1,
  promotions: 1,
  deployments: 1,
  monitoredModels: 1,
  driftRules: 1,
  predictionLogBatches: 4,
  alerts: 1,
  retrainingPolicies: 1,
  retrainings: 1,
  auditEvents: 20,
};

/**
 * One addition to a workspace, as it changes the counts: a dataset version,
 * a run (of one of three specs), a registration, gates, a promotion, a
 * deployment, a monitoring policy (with or without drift rules and a
 * retraining trigger), traffic, an alert, a retraining. Every addition is
 * one more audit event, and the chain keeps verifying.
 */
function addSomething(inv: WorkspaceInventory, rng: Rng, specRuns: Map<string, number>): WorkspaceInventory {
  const next = { ...inv, auditEvents: inv.auditEvents + 1 };
  switch (Math.floor(rng() * 11)) {
    case 0:
      next.datasetVersions++;
      break;
    case 1: {
      const spec = `spec${Math.floor(rng() * 3)}`;
      specRuns.set(spec, (specRuns.get(spec) ?? 0) + 1);
      next.completedRuns++;
      const [best, runs] = [...specRuns].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      next.mostRepeatedSpec = { spec: best, runs };
      break;
    }
    case 2:
      next.modelVersions++;
      break;
    case 3:
      next.gatedModels++;
      break;
    case 4:
      next.promotions++;
      break;
    case 5:
      next.deployments++;
      break;
    case 6: {
      next.monitoredModels++;
      if (rng() < 0.5) next.driftRules++;
      if (rng() < 0.5) next.retrainingPolicies++;
      break;
    }
    case 7:
      next.predictionLogBatches++;
      break;
    case 8:
      next.alerts++;
      break;
    case 9:
      next.retrainings++;
      break;
    default:
      next.driftRules++;
  }
  return next;
}

describe('assessMaturity', () => {
  it('rates an empty workspace level 0, every criterion unmet, the level-1 criteria next', async () => {
    const assessment = assessMaturity(await readInventory(new MemoryWorkspaceStore()));
    expect(assessment.level).toBe(0);
    expect(assessment.criteria.every((c) => !c.met)).toBe(true);
    expect(assessment.next.map((s) => s.id)).toEqual(['versioned-data', 'repeated-pipeline', 'registered-versions']);
    expect(assessment.criteria.find((c) => c.id === 'verified-audit')?.evidence).toBe(
      'audit chain verified (0 events)',
    );
  });

  it('gives level 3 when every criterion is met, with nothing next', () => {
    const assessment = assessMaturity(FULL);
    expect(assessment.level).toBe(3);
    expect(assessment.next).toEqual([]);
    expect(assessment.criteria.find((c) => c.id === 'repeated-pipeline')?.evidence).toBe('spec abc12345 run 2 times');
  });

  it('is the highest level whose criteria and every lower level’s are met', () => {
    // Everything but a promotion: the level-3 criteria are met, yet the level stays 1.
    const assessment = assessMaturity({ ...FULL, promotions: 0 });
    expect(assessment.level).toBe(1);
    expect(assessment.next.map((s) => s.id)).toEqual(['promoted-version']);
    expect(assessment.next[0].area).toBe('registry');
  });

  it('names a broken audit chain as the missing level-3 criterion', () => {
    const assessment = assessMaturity({ ...FULL, auditProblem: 'event 3: its hash does not match its content' });
    expect(assessment.level).toBe(2);
    expect(assessment.criteria.find((c) => c.id === 'verified-audit')).toEqual({
      id: 'verified-audit',
      level: 3,
      met: false,
      evidence: 'audit chain broken: event 3: its hash does not match its content',
    });
  });

  it('never falls as things are added, over 200 generated sequences of additions', () => {
    let reachedThree = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rng = seededRng(seed);
      const specRuns = new Map<string, number>();
      let inventory = EMPTY;
      let level = assessMaturity(inventory).level;
      let met = new Set<string>();
      expect(level).toBe(0);
      for (let step = 0; step < 60; step++) {
        inventory = addSomething(inventory, rng, specRuns);
        const next = assessMaturity(inventory);
        expect(next.level, `seed ${seed}, step ${step}`).toBeGreaterThanOrEqual(level);
        // The criteria met only grow too.
        const nowMet = new Set(next.criteria.filter((c) => c.met).map((c) => c.id));
        for (const id of met) expect(nowMet.has(id), `${id} lost at seed ${seed}, step ${step}`).toBe(true);
        met = nowMet;
        level = next.level;
      }
      if (level === 3) reachedThree++;
    }
    // The generator is not degenerate: most sequences reach the top.
    expect(reachedThree).toBeGreaterThan(100);
  });

  it('has a why, a todo and an area for every criterion, with unique ids, levels 1–3', () => {
    expect(new Set(MATURITY_CRITERIA.map((c) => c.id)).size).toBe(MATURITY_CRITERIA.length);
    for (const c of MATURITY_CRITERIA) {
      expect(c.why.length).toBeGreaterThan(20);
      expect(c.todo.length).toBeGreaterThan(10);
      expect([1, 2, 3]).toContain(c.level);
    }
    expect(new Set(MATURITY_CRITERIA.map((c) => c.level))).toEqual(new Set([1, 2, 3]));
  });
});
