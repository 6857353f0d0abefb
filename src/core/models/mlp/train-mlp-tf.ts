import type * as tfjs from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng.ts';
import { shuffleInPlace } from '../../random/shuffle.ts';
import type { Tf } from '../tf-runtime.ts';
import { buildMlp, saveMlp, type MlpArtifact } from './mlp-model.ts';
import type { MlpSpec } from './mlp-spec.ts';
import type { EpochReport, MlpData } from './mlp-data.ts';

/** The rows and target scaling train-mlp.ts settled on. */
export interface MlpRows {
  fitRows: Int32Array;
  valRows: Int32Array;
  yCenter: number;
  yScale: number;
}

/**
 * Trains with TF.js Layers `fit`, one epoch per call on rows shuffled with
 * `rng`, seeded initialisers; evaluates the validation rows after each
 * epoch and keeps the best epoch's weights. `onEpoch` may throw to end the
 * run. Every tensor is disposed.
 */
export async function trainWithTf(
  tf: Tf,
  data: MlpData,
  spec: MlpSpec,
  { fitRows, valRows, yCenter, yScale }: MlpRows,
  rng: Rng,
  onEpoch: (report: EpochReport) => void,
): Promise<{ artifact: MlpArtifact; history: EpochReport[]; bestEpoch: number }> {
  const valCount = valRows.length;
  // The same draws as the typed-array trainer's initialDenseNet: the same seeds, the same start.
  const model = buildMlp(tf, spec, data.width, data.classCount, data.task, () => Math.floor(rng() * 2 ** 31));
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
      onEpoch(report);
      history.push(report);
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
