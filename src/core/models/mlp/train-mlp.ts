import type * as tfjs from '@tensorflow/tfjs';
import { WorkbenchError } from '../../errors.ts';
import type { Rng } from '../../random/rng.ts';
import { shuffleInPlace } from '../../random/shuffle.ts';
import type { Tf } from '../tf-runtime.ts';
import { buildMlp, saveMlp, type MlpArtifact } from './mlp-model.ts';
import type { MlpSpec } from './mlp-spec.ts';

export interface MlpData {
  task: 'classification' | 'regression';
  /** Dense row-major features, rows × width, already preprocessed. */
  x: Float64Array;
  rows: number;
  width: number;
  /** Class indices (classification) or values (regression). */
  y: Int32Array | Float64Array;
  classCount: number;
}

export interface EpochReport {
  epoch: number;
  loss: number;
  valLoss: number | null;
  /** Training accuracy (classification). */
  accuracy: number | null;
  valAccuracy: number | null;
}

/**
 * Trains an MLP with the given TF.js (whose backend the caller chose),
 * deterministically: initialisers are seeded from `rng`, and each epoch's
 * shuffle uses `rng` too (TF.js's own `fit` shuffle uses Math.random, so it
 * is switched off). With early stopping, a seeded slice of the training rows
 * is held out for validation and the weights of the best validation epoch
 * are kept. A loss that stops being finite ends training with
 * `train.diverged`. Every tensor is disposed.
 */
export async function trainMlp(
  tf: Tf,
  data: MlpData,
  spec: MlpSpec,
  rng: Rng,
  onEpoch?: (report: EpochReport) => void,
): Promise<{ artifact: MlpArtifact; history: EpochReport[]; bestEpoch: number }> {
  const order = shuffleInPlace(
    Int32Array.from({ length: data.rows }, (_, i) => i),
    rng,
  );
  const valCount =
    spec.earlyStopping && data.rows >= 10
      ? Math.max(1, Math.round(data.rows * spec.earlyStopping.validationFraction))
      : 0;
  const valRows = order.slice(0, valCount);
  const fitRows = order.slice(valCount);
  if (fitRows.length === 0) {
    throw new WorkbenchError(
      'train.too_few_rows',
      `The MLP has no training rows left after holding out ${valCount} for early stopping. Use a smaller validation fraction or more rows.`,
    );
  }

  let yCenter = 0;
  let yScale = 1;
  if (data.task === 'regression') {
    let sum = 0;
    for (const r of fitRows) sum += data.y[r];
    yCenter = sum / fitRows.length;
    let sq = 0;
    for (const r of fitRows) sq += (data.y[r] - yCenter) ** 2;
    yScale = Math.sqrt(sq / fitRows.length) || 1;
  }

  const seedFor = () => Math.floor(rng() * 2 ** 31);
  const model = buildMlp(tf, spec, data.width, data.classCount, data.task, seedFor);
  const xAll = tf.tensor2d(Float32Array.from(data.x), [data.rows, data.width]);
  const yAll = tf.tidy(() =>
    data.task === 'classification'
      ? tf.oneHot(tf.tensor1d(Int32Array.from(data.y), 'int32'), data.classCount).toFloat()
      : tf.tensor2d(
          Float32Array.from(data.y, (v) => (v - yCenter) / yScale),
          [data.rows, 1],
        ),
  );
  const valX = valCount ? tf.tidy(() => tf.gather(xAll, tf.tensor1d(valRows, 'int32'))) : null;
  const valY = valCount ? tf.tidy(() => tf.gather(yAll, tf.tensor1d(valRows, 'int32'))) : null;

  const history: EpochReport[] = [];
  let best = { loss: Infinity, epoch: 0, weights: null as tfjs.Tensor[] | null };
  try {
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      shuffleInPlace(fitRows, rng);
      const index = tf.tensor1d(fitRows, 'int32');
      const xs = tf.gather(xAll, index);
      const ys = tf.gather(yAll, index);
      const fitted = await model.fit(xs, ys, { batchSize: spec.batchSize, epochs: 1, shuffle: false, verbose: 0 });
      tf.dispose([index, xs, ys]);
      const report: EpochReport = {
        epoch,
        loss: Number(fitted.history.loss[0]),
        valLoss: null,
        accuracy:
          data.task === 'classification' ? Number((fitted.history.acc ?? fitted.history.accuracy)?.[0] ?? NaN) : null,
        valAccuracy: null,
      };
      if (valX && valY) {
        const evaluated = model.evaluate(valX, valY, { batchSize: 1024 }) as tfjs.Scalar | tfjs.Scalar[];
        const scalars = Array.isArray(evaluated) ? evaluated : [evaluated];
        const values = await Promise.all(scalars.map(async (s) => (await s.data())[0]));
        tf.dispose(scalars);
        report.valLoss = values[0];
        if (data.task === 'classification') report.valAccuracy = values[1] ?? null;
      }
      if (!Number.isFinite(report.loss) || (report.valLoss !== null && !Number.isFinite(report.valLoss)))
        throw diverged(spec, report);
      history.push(report);
      onEpoch?.(report);
      if (spec.earlyStopping && report.valLoss !== null) {
        if (report.valLoss < best.loss) {
          tf.dispose(best.weights ?? []);
          best = { loss: report.valLoss, epoch, weights: model.getWeights().map((w) => w.clone()) };
        } else if (epoch - best.epoch >= spec.earlyStopping.patience) break;
      }
    }
    if (best.weights) model.setWeights(best.weights);
    const artifact = await saveMlp(tf, model, data.task, yCenter, yScale);
    return { artifact, history, bestEpoch: best.weights ? best.epoch : history.length };
  } finally {
    tf.dispose([xAll, yAll, ...(valX ? [valX] : []), ...(valY ? [valY] : []), ...(best.weights ?? [])]);
    model.optimizer?.dispose(); // a passed-in optimizer is not disposed with the model
    model.dispose();
  }
}

function diverged(spec: MlpSpec, report: EpochReport): WorkbenchError {
  const loss = Number.isFinite(report.loss) ? report.valLoss : report.loss;
  return new WorkbenchError(
    'train.diverged',
    `The MLP diverged: its ${Number.isFinite(report.loss) ? 'validation ' : ''}loss became ${loss} in epoch ${report.epoch}. ` +
      `Use a smaller learning rate (it is ${spec.learningRate}; try ${spec.learningRate / 10}), standardize the features (preprocessing), or rescale columns with very large values, then train again.`,
  );
}
