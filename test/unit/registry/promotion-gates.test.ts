import { describe, expect, it } from 'vitest';
import { planRegistration } from '../../../src/core/registry/plan-registration.ts';
import { checkGates, type GateContext } from '../../../src/core/registry/promotion-gates.ts';
import { DEFAULT_GATES, type ModelVersion, type PromotionGates } from '../../../src/core/registry/registry-types.ts';
import { ACTOR, at, completedRun, datasetVersion } from './registry-fixtures.ts';

const clean = datasetVersion('clean\n').version;
const dirty = datasetVersion('dirty\n', {
  name: 'iris-dirty',
  warnings: [
    { code: 'target-one-class', severity: 'error', column: 'species', message: 'The target has one class.' },
    { code: 'constant', severity: 'warning', column: 'colour', message: 'Constant column.' },
  ],
}).version;

/** A registered version with the given number and metrics overrides. */
function version(
  n: number,
  metrics: Record<string, number | null> = {},
  features = ['length', 'colour'],
): ModelVersion {
  const run = completedRun({ id: `r${n}`, datasetVersionId: clean.id, features });
  const v = planRegistration(
    { models: [], versions: [], transitions: [] },
    { run, datasetVersion: clean, modelName: 'iris', actor: ACTOR, now: at(n) },
  ).version;
  return { ...v, version: n, id: `iris@${n}`, metrics: { ...v.metrics, ...metrics } };
}

function ctx(gates: Partial<PromotionGates>, over: Partial<GateContext> = {}): GateContext {
  return {
    gates: { ...DEFAULT_GATES, requireQualityChecks: false, requireSignatureMatch: false, ...gates },
    candidate: version(2, { accuracy: 0.8, logLoss: 0.4 }),
    datasetVersion: clean,
    production: undefined,
    approval: null,
    acknowledgeSignatureChange: false,
    ...over,
  };
}

describe('checkGates: absolute metric thresholds', () => {
  it('passes a metric inside its bounds and fails one outside, with what to do', () => {
    expect(
      checkGates(
        ctx({
          metrics: [
            { metric: 'accuracy', min: 0.8 },
            { metric: 'logLoss', max: 0.4 },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      checkGates(
        ctx({
          metrics: [
            { metric: 'accuracy', min: 0.85 },
            { metric: 'logLoss', max: 0.3 },
          ],
        }),
      ),
    ).toEqual([
      {
        gate: 'metric:accuracy:min',
        message:
          'accuracy is 0.8, below the minimum 0.85. Train a better model, or lower the gate if 0.8 is acceptable.',
      },
      {
        gate: 'metric:logLoss:max',
        message: 'logLoss is 0.4, above the maximum 0.3. Train a better model, or raise the gate if 0.4 is acceptable.',
      },
    ]);
  });

  it('fails a gate on a metric the version does not report', () => {
    expect(checkGates(ctx({ metrics: [{ metric: 'r2', min: 0.5 }] }))).toEqual([
      {
        gate: 'metric:r2:missing',
        message:
          'Version 2 does not report r2, which a gate requires. Remove or change the gate, or register a run that reports r2.',
      },
    ]);
  });
});

describe('checkGates: relative to Production', () => {
  const production = version(1, { accuracy: 0.9, logLoss: 0.35 });

  it('passes when there is no Production version to compare with', () => {
    expect(checkGates(ctx({ metrics: [{ metric: 'accuracy', maxRegression: 0 }] }))).toEqual([]);
  });

  it('allows a higher-is-better metric to drop by at most maxRegression', () => {
    const candidate = version(2, { accuracy: 0.88 });
    expect(
      checkGates(ctx({ metrics: [{ metric: 'accuracy', maxRegression: 0.02 }] }, { candidate, production })),
    ).toEqual([]);
    expect(
      checkGates(ctx({ metrics: [{ metric: 'accuracy', maxRegression: 0.01 }] }, { candidate, production })),
    ).toEqual([
      {
        gate: 'metric:accuracy:regression',
        message:
          'accuracy is 0.88, 0.02 lower (worse) than Production version 1 (0.9); the gate allows at most 0.01. Keep the Production version, or train a model at least as good.',
      },
    ]);
  });

  it('treats a lower-is-better metric the other way round', () => {
    const gates = { metrics: [{ metric: 'logLoss', maxRegression: 0 }] };
    expect(checkGates(ctx(gates, { candidate: version(2, { logLoss: 0.3 }), production }))).toEqual([]);
    expect(checkGates(ctx(gates, { candidate: version(2, { logLoss: 0.4 }), production }))[0]).toEqual({
      gate: 'metric:logLoss:regression',
      message:
        'logLoss is 0.4, 0.05 higher (worse) than Production version 1 (0.35); the gate allows at most 0. Keep the Production version, or train a model at least as good.',
    });
  });
});

describe('checkGates: required checks', () => {
  it('fails the quality gate on error-severity warnings only, naming them', () => {
    expect(checkGates(ctx({ requireQualityChecks: true }))).toEqual([]);
    expect(checkGates(ctx({ requireQualityChecks: true }, { datasetVersion: dirty }))).toEqual([
      {
        gate: 'quality',
        message: `Dataset version "iris-dirty" (${dirty.id.slice(0, 12)}) failed 1 quality check: species: The target has one class. Fix the data, save a new version and register a run trained on it.`,
      },
    ]);
    expect(checkGates(ctx({ requireQualityChecks: true }, { datasetVersion: undefined }))[0].message).toMatch(
      /is not in the workspace.*Load the same CSV file in the Data view and save it: the same content gives the same version id.*Or turn the quality gate off/,
    );
  });

  it('fails the signature gate when inputs differ from Production, unless acknowledged', () => {
    const production = version(1);
    const narrower = version(2, {}, ['length']);
    expect(checkGates(ctx({ requireSignatureMatch: true }, { candidate: version(2), production }))).toEqual([]);
    expect(checkGates(ctx({ requireSignatureMatch: true }, { candidate: narrower }))).toEqual([]);
    expect(checkGates(ctx({ requireSignatureMatch: true }, { candidate: narrower, production }))).toEqual([
      {
        gate: 'signature',
        message:
          'The input signature differs from Production version 1: inputs no longer used "colour". Check that callers can send these inputs, then acknowledge the signature change.',
      },
    ]);
    expect(
      checkGates(
        ctx({ requireSignatureMatch: true }, { candidate: narrower, production, acknowledgeSignatureChange: true }),
      ),
    ).toEqual([]);
  });

  it('fails the approval gate without both an approver and a comment', () => {
    const message =
      "This promotion needs an approval. Enter the approver's name and a comment explaining the decision.";
    expect(checkGates(ctx({ requireApproval: true }))).toEqual([{ gate: 'approval', message }]);
    expect(checkGates(ctx({ requireApproval: true }, { approval: { approver: '', comment: 'ok' } }))).toEqual([
      { gate: 'approval', message },
    ]);
    expect(checkGates(ctx({ requireApproval: true }, { approval: { approver: 'Lee', comment: 'ok' } }))).toEqual([]);
  });

  it('reports every failed gate at once', () => {
    const gates = { metrics: [{ metric: 'accuracy', min: 0.9 }], requireQualityChecks: true, requireApproval: true };
    expect(checkGates(ctx(gates, { datasetVersion: dirty })).map((g) => g.gate)).toEqual([
      'metric:accuracy:min',
      'quality',
      'approval',
    ]);
  });
});
