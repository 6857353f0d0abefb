import type { DataTable } from '../../data/types.ts';
import { decodeArtifact } from '../../train/model-artifact-codec.ts';
import { transform, type Preprocessor } from '../../train/preprocess.ts';
import { modelEntry } from '../../models/catalogue.ts';
import { conformTable } from './conform-table.ts';
import type { ServingModel } from './serving-model.ts';

/** How much one input moved a prediction, signed: positive pushed towards the predicted class (or up, in regression). */
export interface FeatureEffect {
  feature: string;
  effect: number;
}

/** A single row's local explanation: the method used and the inputs by how much they mattered. */
export interface RowExplanation {
  method: 'coefficients' | 'replace-with-training-value';
  /** For classification, the class explained (the predicted one). */
  explains: string | null;
  /** Every input, largest |effect| first. */
  effects: FeatureEffect[];
}

/**
 * The inputs that moved one row's prediction most — a cheap local
 * attribution, not SHAP:
 * - kinds linear in their inputs (logistic, ridge: their catalogue entry's
 *   `contributions`): coefficient × the standardized value the model saw,
 *   summed over a categorical input's one-hot columns, signed towards (+)
 *   or away from (−) the predicted class;
 * - other kinds (forest, MLP): the predicted class's probability (or the regression
 *   value) minus what it becomes when that input alone is replaced by its
 *   training value — the training mean of a standardized number (else the
 *   imputation value), the most frequent category of a categorical input.
 *
 * @param artifactBytes the version's encoded artifact (for the coefficients)
 * @param row 0-based row of `table`
 */
export async function explainRow(
  model: ServingModel,
  artifactBytes: Uint8Array,
  table: DataTable,
  row: number,
): Promise<RowExplanation> {
  const input = conformTable(table, model.version.signature);
  const pre = model.preprocessor;
  const x = transform(pre, input, Int32Array.of(row)).x;
  const output = await model.predictor.predict(x, 1);
  const k = model.labels.length;
  const predicted = k > 0 ? argmax(output) : -1;
  const explains = k > 0 ? model.labels[predicted] : null;
  const artifact = decodeArtifact(artifactBytes);
  const contributions = modelEntry(artifact.kind).contributions?.(artifact, x, predicted);
  if (contributions) return { method: 'coefficients', explains, effects: sorted(perInput(pre, contributions)) };
  // One batch: the row itself, then one copy per input with that input set to its training value.
  const steps = pre.steps;
  const width = x.length;
  const batch = new Float64Array(width * steps.length);
  let offset = 0;
  steps.forEach((step, s) => {
    batch.set(x, s * width);
    const at = s * width + offset;
    if (step.kind === 'numeric') {
      const typical = step.center !== 0 || step.scale !== 1 ? step.center : step.fill;
      batch[at] = (typical - step.center) / step.scale;
      offset += 1;
    } else {
      for (let j = 0; j < step.categories.length; j++) batch[at + j] = step.categories[j] === step.fill ? 1 : 0;
      offset += step.categories.length;
    }
  });
  const replaced = await model.predictor.predict(batch, steps.length);
  const base = k > 0 ? output[predicted] : output[0];
  const effects = steps.map((step, s) => ({
    feature: step.name,
    effect: base - (k > 0 ? replaced[s * k + predicted] : replaced[s]),
  }));
  return { method: 'replace-with-training-value', explains, effects: sorted(effects) };
}

/** Column contributions summed per input (a categorical input spans its one-hot columns). */
function perInput(pre: Preprocessor, contributions: Float64Array): FeatureEffect[] {
  let offset = 0;
  return pre.steps.map((step) => {
    const columns = step.kind === 'numeric' ? 1 : step.categories.length;
    let effect = 0;
    for (let j = offset; j < offset + columns; j++) effect += contributions[j];
    offset += columns;
    return { feature: step.name, effect };
  });
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

function sorted(effects: FeatureEffect[]): FeatureEffect[] {
  return effects.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || (a.feature < b.feature ? -1 : 1));
}
