import type { MlpArtifact } from './mlp-model.ts';
import type { ImportExpectation } from '../model-entry.ts';
import type { DenseActivation, DenseLayer } from './dense-forward.ts';
import { invalidModel, isCount, isFiniteNumber, isObject } from '../imported-model-checks.ts';

const HIDDEN: readonly string[] = ['relu', 'tanh', 'sigmoid'];

/**
 * Checks an MLP's model.json and weights.bin: the workbench's metadata
 * (task, finite target scaling), weight specs whose sizes add up to exactly
 * the bytes of weights.bin (checked before anything is allocated, so a
 * declared 100,000 × 100,000 kernel costs nothing), a Sequential topology
 * of Dense layers with the activations the workbench uses, reading the
 * preprocessing's width and ending in one unit (regression) or one per
 * label (softmax), weight names and shapes that match the layers, and
 * finite weights. Returns the layers for a smoke prediction.
 */
export function checkMlpFiles(artifact: MlpArtifact, { width, task, labels }: ImportExpectation): DenseLayer[] {
  const bad = (why: string) => invalidModel('model.json', why);
  if (artifact.task !== task)
    throw bad(`its workbench metadata says ${JSON.stringify(artifact.task)} but signature.json's task is ${task}`);
  if (!isFiniteNumber(artifact.yCenter) || !isFiniteNumber(artifact.yScale) || artifact.yScale <= 0)
    throw bad('its workbench metadata has no finite target center and positive scale');

  const specs = artifact.weightSpecs;
  if (!Array.isArray(specs)) throw bad('its weightsManifest lists no weights');
  let total = 0;
  specs.forEach((spec, s) => {
    if (!isObject(spec) || typeof spec.name !== 'string' || spec.dtype !== 'float32' || !Array.isArray(spec.shape))
      throw bad(`weight ${s} in its weightsManifest has no name, float32 dtype or shape`);
    if (!spec.shape.every((d) => isCount(d, 1))) throw bad(`${spec.name} has shape ${JSON.stringify(spec.shape)}`);
    total += spec.shape.reduce((a, b) => a * b, 1);
  });
  const bytes = artifact.weightData.length;
  if (!Number.isSafeInteger(total * 4) || total * 4 !== bytes)
    throw bad(`it declares ${total} float32 weights (${total * 4} bytes) but weights.bin holds ${bytes} bytes`);

  const layerConfigs = topologyLayers(artifact.modelTopology, bad);
  const layers: DenseLayer[] = [];
  const weights = new Float32Array(artifact.weightData.slice().buffer);
  let next = 0;
  let offset = 0;
  let inputs = width;
  layerConfigs.forEach((layer, i) => {
    const last = i === layerConfigs.length - 1;
    if (layer.class_name !== 'Dense')
      throw bad(`layer ${i} is a ${String(layer.class_name)}; workbench MLPs have only Dense layers`);
    const config = isObject(layer.config) ? layer.config : {};
    const activation = config.activation;
    const allowed = last ? [task === 'classification' ? 'softmax' : 'linear'] : HIDDEN;
    if (typeof activation !== 'string' || !allowed.includes(activation))
      throw bad(`layer ${i} has activation ${JSON.stringify(activation)}; it must be ${allowed.join(' or ')}`);
    if (!isCount(config.units, 1)) throw bad(`layer ${i} has no unit count`);
    if (config.use_bias !== true && config.use_bias !== false)
      throw bad(`layer ${i} does not say whether it has a bias`);
    if (config.dtype !== undefined && config.dtype !== 'float32') throw bad(`layer ${i} is not float32`);
    if (i === 0) {
      const shape = config.batch_input_shape;
      if (!Array.isArray(shape) || shape.length !== 2 || shape[0] !== null || shape[1] !== width)
        throw bad(`its input layer reads ${JSON.stringify(shape)} but preprocessing.json gives ${width} features`);
    }
    const units = config.units;
    if (last && task === 'classification' && units !== labels)
      throw bad(`its output layer has ${units} units but signature.json names ${labels} labels`);
    if (last && task === 'regression' && units !== 1)
      throw bad(`its output layer has ${units} units; a regression model has 1`);
    const take = (suffix: string, shape: number[]): Float32Array => {
      const spec = specs[next++];
      const name = `${String(config.name)}/${suffix}`;
      if (!spec) throw bad(`its weightsManifest lacks ${name}`);
      if (spec.name !== name) throw bad(`weight ${next - 1} is ${spec.name}; layer ${i} needs ${name} there`);
      if (JSON.stringify(spec.shape) !== JSON.stringify(shape))
        throw bad(`${spec.name} has shape ${JSON.stringify(spec.shape)}; layer ${i} needs ${JSON.stringify(shape)}`);
      const size = shape.reduce((a, b) => a * b, 1);
      const values = weights.subarray(offset, offset + size);
      const nonFinite = values.findIndex((v) => !Number.isFinite(v));
      if (nonFinite >= 0)
        throw invalidModel('weights.bin', `weight ${nonFinite} of ${spec.name} is not a finite number`);
      offset += size;
      return values;
    };
    const kernel = take('kernel', [inputs, units]);
    const bias = config.use_bias ? take('bias', [units]) : null;
    layers.push({ inputs, units, activation: activation as DenseActivation, kernel, bias });
    inputs = units;
  });
  if (next !== specs.length) throw bad(`its weightsManifest lists ${specs.length - next} weights no layer uses`);
  return layers;
}

function topologyLayers(topology: unknown, bad: (why: string) => Error): Record<string, unknown>[] {
  if (!isObject(topology) || topology.class_name !== 'Sequential' || !isObject(topology.config))
    throw bad('its modelTopology is not a Sequential model');
  const layers = topology.config.layers;
  if (!Array.isArray(layers) || layers.length === 0 || !layers.every(isObject))
    throw bad('its modelTopology has no layers');
  return layers;
}
