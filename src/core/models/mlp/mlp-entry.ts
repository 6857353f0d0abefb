import type { ModelEntry } from '../model-entry.ts';
import { activeTf } from '../tf-runtime.ts';
import { checkMlpFiles } from './check-mlp-files.ts';
import { forwardDense } from './dense-forward.ts';
import { readMlpFiles, writeMlpFiles } from './mlp-files.ts';
import { loadMlp, predictMlp, type MlpArtifact } from './mlp-model.ts';
import { MLP_PARAMS, type MlpSpec } from './mlp-spec.ts';
import { mlpSize } from './mlp-size.ts';
import { trainMlp } from './train-mlp.ts';

const LABEL = 'MLP (neural network)';

/** A multi-layer perceptron on TF.js, on the backend the caller hands in. */
export const mlpEntry: ModelEntry<MlpSpec, MlpArtifact> = {
  kind: 'mlp',
  label: LABEL,
  shortName: 'mlp',
  tasks: ['classification', 'regression'],
  params: MLP_PARAMS,
  runtime: 'tfjs',
  curve: { x: 'epoch', y: 'loss' },
  // TF.js computes in float32 (max ~3.4e38); squares in the loss overflow far below it.
  inputLimit: 1e15,
  estimate: mlpSize,
  async train(spec, data, { rng, tf, onProgress }) {
    const { artifact } = await trainMlp(await activeTf(tf, LABEL), { ...data }, spec, rng, (report) =>
      onProgress?.({ kind: 'epoch', report, total: spec.epochs }),
    );
    return artifact;
  },
  async open(artifact, width, runtime) {
    const tf = await activeTf(runtime, LABEL);
    const model = await loadMlp(tf, artifact);
    return {
      predict: (x, rows) => predictMlp(tf, model, artifact, x, rows, width),
      dispose: () => model.dispose(),
    };
  },
  // The weights stay raw bytes outside the JSON header.
  toStored: (artifact) => ({ header: { ...artifact, weightData: null }, binary: artifact.weightData }),
  fromStored: (header, binary) => ({ ...(header as MlpArtifact), weightData: binary }),
  fileNames: ['model.json', 'weights.bin'],
  writeFiles: writeMlpFiles,
  readFiles: readMlpFiles,
  checkImported(artifact, expect) {
    const layers = checkMlpFiles(artifact, expect);
    return (x, rows) => {
      const raw = forwardDense(layers, x, rows);
      // A regression MLP learns the standardized target; undo it as prediction does.
      return artifact.task === 'regression'
        ? Float64Array.from(raw, (v) => v * artifact.yScale + artifact.yCenter)
        : raw;
    };
  },
};
