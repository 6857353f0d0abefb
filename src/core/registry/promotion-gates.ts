import type { DatasetVersion } from '../data/versions/dataset-version.ts';
import { describeSignatureDiff, signatureDiff } from './signature.ts';
import { HIGHER_IS_BETTER, type MetricGate, type ModelVersion, type PromotionGates } from './registry-types.ts';

/** One gate a promotion failed, with a message that says what to do. */
export interface FailedGate {
  gate: string;
  message: string;
}

/** What the gates look at besides the candidate itself. */
export interface GateContext {
  gates: PromotionGates;
  candidate: ModelVersion;
  /** The candidate's dataset version, `undefined` if it is not in the workspace. */
  datasetVersion: DatasetVersion | undefined;
  /** The model's current Production version, other than the candidate. */
  production: ModelVersion | undefined;
  approval: { approver: string; comment: string } | null;
  acknowledgeSignatureChange: boolean;
}

// Thresholds are typed by people as decimals (0.85, 0.1): forgive the last bits of float rounding.
const EPS = 1e-12;

/**
 * Checks a candidate version against a model's promotion gates and returns
 * every gate it fails (empty when it may be promoted). Gate names are stable:
 * `metric:<name>:min|max|regression`, `quality`, `signature`, `approval`.
 */
export function checkGates(ctx: GateContext): FailedGate[] {
  const failed: FailedGate[] = [];
  for (const gate of ctx.gates.metrics) failed.push(...checkMetric(gate, ctx.candidate, ctx.production));
  if (ctx.gates.requireQualityChecks) failed.push(...checkQuality(ctx.candidate, ctx.datasetVersion));
  if (ctx.gates.requireSignatureMatch && ctx.production && !ctx.acknowledgeSignatureChange) {
    const diff = signatureDiff(ctx.production.signature, ctx.candidate.signature);
    if (!diff.matches) {
      failed.push({
        gate: 'signature',
        message: `The input signature differs from Production version ${ctx.production.version}: ${describeSignatureDiff(diff).join('; ')}. Check that callers can send these inputs, then acknowledge the signature change.`,
      });
    }
  }
  if (ctx.gates.requireApproval && !(ctx.approval && ctx.approval.approver.trim() && ctx.approval.comment.trim())) {
    failed.push({
      gate: 'approval',
      message: "This promotion needs an approval. Enter the approver's name and a comment explaining the decision.",
    });
  }
  return failed;
}

function checkMetric(gate: MetricGate, candidate: ModelVersion, production: ModelVersion | undefined): FailedGate[] {
  const failed: FailedGate[] = [];
  const name = gate.metric;
  const value = candidate.metrics[name];
  const bounded = gate.min !== undefined || gate.max !== undefined;
  if (value === null || value === undefined) {
    if (bounded || (gate.maxRegression !== undefined && production)) {
      failed.push({
        gate: `metric:${name}:missing`,
        message: `Version ${candidate.version} does not report ${name}, which a gate requires. Remove or change the gate, or register a run that reports ${name}.`,
      });
    }
    return failed;
  }
  if (gate.min !== undefined && value < gate.min - EPS) {
    failed.push({
      gate: `metric:${name}:min`,
      message: `${name} is ${fmt(value)}, below the minimum ${fmt(gate.min)}. Train a better model, or lower the gate if ${fmt(value)} is acceptable.`,
    });
  }
  if (gate.max !== undefined && value > gate.max + EPS) {
    failed.push({
      gate: `metric:${name}:max`,
      message: `${name} is ${fmt(value)}, above the maximum ${fmt(gate.max)}. Train a better model, or raise the gate if ${fmt(value)} is acceptable.`,
    });
  }
  const reference = production?.metrics[name];
  if (gate.maxRegression !== undefined && production && reference !== null && reference !== undefined) {
    const higher = HIGHER_IS_BETTER.has(name);
    const worseBy = higher ? reference - value : value - reference;
    if (worseBy > gate.maxRegression + EPS) {
      failed.push({
        gate: `metric:${name}:regression`,
        message: `${name} is ${fmt(value)}, ${fmt(worseBy)} ${higher ? 'lower' : 'higher'} (worse) than Production version ${production.version} (${fmt(reference)}); the gate allows at most ${fmt(gate.maxRegression)}. Keep the Production version, or train a model at least as good.`,
      });
    }
  }
  return failed;
}

function checkQuality(candidate: ModelVersion, dataset: DatasetVersion | undefined): FailedGate[] {
  if (!dataset) {
    return [
      {
        gate: 'quality',
        message: `Dataset version ${candidate.datasetVersionId.slice(0, 12)} of this model is not in the workspace (the version was imported without its data), so its quality checks cannot be confirmed. Load the same CSV file in the Data view and save it: the same content gives the same version id, and the gate finds it. Or turn the quality gate off for this model.`,
      },
    ];
  }
  const errors = dataset.profile.warnings.filter((w) => w.severity === 'error');
  if (!errors.length) return [];
  // Warning messages are sentences; drop their full stop so the list reads as one sentence.
  const list = errors.map((w) => `${w.column ? `${w.column}: ` : ''}${w.message.replace(/\.\s*$/, '')}`).join('; ');
  return [
    {
      gate: 'quality',
      message: `Dataset version "${dataset.name}" (${dataset.id.slice(0, 12)}) failed ${errors.length} quality check${errors.length > 1 ? 's' : ''}: ${list}. Fix the data, save a new version and register a run trained on it.`,
    },
  ];
}

/** A metric value for messages: up to 4 significant decimals, no float noise. */
function fmt(x: number): string {
  return String(Number(x.toPrecision(4)));
}
