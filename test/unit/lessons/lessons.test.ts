import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById } from '../../../src/core/lessons/catalogue/index.ts';
import type { WorkspaceSnapshot } from '../../../src/core/lessons/lesson-types.ts';
import { EMPTY_PROGRESS, parseProgress, recordDone, stepStates } from '../../../src/core/lessons/progress.ts';
import { parseLessonSettings } from '../../../src/core/lessons/lesson-settings.ts';
import type { DatasetVersion } from '../../../src/core/data/versions/dataset-version.ts';
import type { Deployment } from '../../../src/core/serving/deployments/deployment-types.ts';
import type { Alert } from '../../../src/core/monitor/monitor-types.ts';
import type { ModelVersion, StageTransition } from '../../../src/core/registry/registry-types.ts';
import { classificationReport } from '../../../src/core/metrics/index.ts';
import { emptyWorkspace, run } from './snapshot.ts';

const version = (id: string, parentId: string | null = null) => ({ id, parentId }) as unknown as DatasetVersion;
const report = classificationReport({ labels: ['a', 'b'], yTrue: [0, 1, 1], yPred: [0, 1, 0] });

function lesson(id: string) {
  const found = lessonById(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

function done(id: string, workspace: WorkspaceSnapshot): string[] {
  return stepStates(lesson(id), workspace, EMPTY_PROGRESS)
    .filter((s) => s.done)
    .map((s) => s.id);
}

describe('the lesson catalogue', () => {
  it('covers every concept of the course, each with an explanation and steps', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'lifecycle',
      'metrics',
      'principles',
      'maturity-levels',
      'components',
      'mlops-vs-devops',
      'challenges',
    ]);
    for (const l of LESSONS) {
      expect(l.explanation.length).toBeGreaterThan(0);
      expect(l.steps.length).toBeGreaterThan(1);
      expect(new Set(l.steps.map((s) => s.id)).size).toBe(l.steps.length);
      // Lessons are in the project's own words, with no link out of the offline app.
      expect(JSON.stringify(l)).not.toMatch(/https?:\/\//);
    }
  });

  it('names the terms each concept lesson promises', () => {
    const terms = (id: string) => lesson(id).points.map((p) => p.term);
    expect(terms('principles')).toEqual(['Versioning', 'Reproducibility', 'Automation', 'Monitoring', 'Collaboration']);
    expect(terms('maturity-levels')).toHaveLength(4);
    expect(terms('challenges')).toEqual(['Data skew', 'Model drift', 'Scalability', 'Reproducibility', 'Governance']);
  });
});

describe('step checks read the workspace', () => {
  it('marks nothing done in an empty workspace', () => {
    for (const l of LESSONS) expect(done(l.id, emptyWorkspace())).toEqual([]);
  });

  it('follows the lifecycle as records appear', () => {
    const w: WorkspaceSnapshot = { ...emptyWorkspace(), datasetVersions: [version('d1')] };
    expect(done('lifecycle', w)).toEqual(['version']);
    const trained = { ...w, runs: [run({ id: 'r1', finishedAt: '2026-01-01', metrics: report })] };
    expect(done('lifecycle', trained)).toEqual(['version', 'train']);
    const promoted = {
      ...trained,
      modelVersions: [{ id: 'm@1', stage: 'Production' } as unknown as ModelVersion],
      predictionLogIds: ['log#0'],
      alerts: [{ id: 'a1', ruleKind: 'drift_share' } as unknown as Alert],
    };
    expect(done('lifecycle', promoted)).toEqual(['version', 'train', 'register', 'promote', 'traffic', 'alert']);
  });

  it('tells a drift alert from an accuracy alert', () => {
    const w = { ...emptyWorkspace(), alerts: [{ id: 'a', ruleKind: 'accuracy_drop' } as unknown as Alert] };
    expect(done('challenges', w)).not.toContain('drift');
    expect(done('maturity-levels', w)).toContain('level-3-alert');
  });

  it('needs a classification run for the metrics lesson, not a regression', () => {
    const regression = run({ id: 'r', finishedAt: 'x', metrics: { task: 'regression', n: 1, mae: 0, rmse: 0, r2: 1 } });
    const w = { ...emptyWorkspace(), datasetVersions: [version('d')], runs: [regression] };
    expect(done('metrics', w)).toEqual(['version']);
  });

  it('counts a rollback, a blocked gate and a reproduced run', () => {
    const w: WorkspaceSnapshot = {
      ...emptyWorkspace(),
      deployments: [{ id: 'm/production#1', env: 'production', status: 'rolled-back', via: 'deploy' } as Deployment],
      stageTransitions: [{ id: 't', to: 'Production', outcome: 'blocked' } as StageTransition],
      runs: [run({ id: 'r2', finishedAt: 'x', metrics: report, rerunOf: { runId: 'r1', reproduced: true } })],
    };
    expect(done('mlops-vs-devops', w)).toEqual(['testing', 'deployment', 'recovery']);
    expect(done('challenges', w)).toEqual(['reproducibility', 'governance']);
  });

  it('sees two model kinds trained on one version, and a derived version', () => {
    const w = {
      ...emptyWorkspace(),
      datasetVersions: [version('d1'), version('d2', 'd1')],
      runs: [
        run({ id: 'a', finishedAt: 'x', kind: 'forest', metrics: report }),
        run({ id: 'b', finishedAt: 'y', kind: 'logistic', metrics: report }),
      ],
    };
    expect(done('components', w)).toEqual(['data', 'pipeline']);
  });
});

describe('progress', () => {
  it('records passing steps and keeps them after the workspace changes', () => {
    const w = { ...emptyWorkspace(), datasetVersions: [version('d1')] };
    const progress = recordDone(LESSONS, w, { active: 'lifecycle', done: {} });
    expect(progress.done.lifecycle).toEqual(['version']);
    expect(progress.done.metrics).toEqual(['version']);
    // Erased later: the step stays done.
    expect(stepStates(lesson('lifecycle'), emptyWorkspace(), progress)[0]).toEqual({ id: 'version', done: true });
    expect(recordDone(LESSONS, w, progress)).toBe(progress);
  });

  it('reads malformed saved progress and settings as empty', () => {
    expect(parseProgress('junk')).toEqual(EMPTY_PROGRESS);
    expect(parseProgress({ active: 3, done: { lifecycle: ['version', 7] } })).toEqual({
      active: null,
      done: { lifecycle: ['version'] },
    });
    expect(
      parseLessonSettings({ metrics: { hidden: ['train-params', 'nope'], locks: { modelKind: 'logistic' } }, x: 1 }),
    ).toEqual({ metrics: { hidden: ['train-params'], locks: { modelKind: 'logistic' } } });
    expect(parseLessonSettings({ metrics: { locks: { modelKind: 'gpt' } } }).metrics.locks.modelKind).toBeNull();
  });
});
