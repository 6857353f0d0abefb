import { describe, expect, it } from 'vitest';
import type { ModelVersion } from '../../../src/core/registry/registry-types.ts';
import { defaultPipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { compareVersionTable } from '../../../src/state/version-compare.ts';
import { parseTags } from '../../../src/ui/registry/tags.ts';

function version(
  n: number,
  metrics: Record<string, number | null>,
  overrides: Partial<ModelVersion> = {},
): ModelVersion {
  return {
    id: `m@${n}`,
    modelName: 'm',
    version: n,
    runId: `r${n}`,
    datasetVersionId: 'd1',
    featureSetId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'ana',
    stage: 'Development',
    aliases: [],
    description: '',
    tags: {},
    modelKind: 'forest',
    metrics,
    testRows: 50,
    signature: {
      inputs: [{ name: 'a', type: 'number', role: 'feature' }],
      target: { name: 'y', type: 'category', labels: ['n', 'y'] },
      task: 'classification',
    },
    artifactBlob: 'f'.repeat(64),
    artifactBytes: 10,
    card: { intendedUse: '', limitations: '' },
    ...overrides,
  };
}

describe('compareVersionTable', () => {
  it('marks the best value of each metric by its direction, ties included', () => {
    const table = compareVersionTable(
      [
        version(1, { accuracy: 0.9, logLoss: 0.3 }),
        version(2, { accuracy: 0.95, logLoss: 0.3 }),
        version(3, { accuracy: null, logLoss: 0.5 }),
      ],
      [],
    );
    expect(table.labels).toEqual(['v1', 'v2', 'v3']);
    expect(table.metrics.find((m) => m.metric === 'accuracy')).toEqual({
      metric: 'accuracy',
      values: [0.9, 0.95, null],
      best: [1],
    });
    expect(table.metrics.find((m) => m.metric === 'logLoss')!.best).toEqual([0, 1]);
    expect(table.parameters).toEqual([]);
  });

  it('compares parameters without the data version, flags differing ones, and describes signature changes against the first', () => {
    const a = defaultPipelineSpec('d1', 'y', 'forest', 7);
    const b = defaultPipelineSpec('d2', 'y', 'logistic', 7);
    const changed = version(
      2,
      {},
      {
        datasetVersionId: 'd2',
        signature: { ...version(1, {}).signature, inputs: [{ name: 'b', type: 'number', role: 'feature' }] },
      },
    );
    const table = compareVersionTable([version(1, {}), changed], [a, b]);
    expect(table.parameters.find((p) => p.path === 'model.kind')).toEqual({
      path: 'model.kind',
      values: ['forest', 'logistic'],
      differs: true,
    });
    expect(table.parameters.some((p) => p.path === 'datasetVersionId')).toBe(false);
    expect(table.datasets).toEqual({ values: ['d1', 'd2'], differs: true });
    expect(table.signatures).toEqual([[], ['new inputs "b"', 'inputs no longer used "a"']]);
  });
});

describe('parseTags', () => {
  it('reads comma-separated key=value pairs and refuses a pair without a key', () => {
    expect(parseTags(' team = ml, purpose=demo ,')).toEqual({ ok: true, tags: { team: 'ml', purpose: 'demo' } });
    expect(parseTags('oops')).toEqual({
      ok: false,
      message: '"oops" is not a tag. Write tags as key=value, separated by commas (e.g. team=research).',
    });
  });
});
