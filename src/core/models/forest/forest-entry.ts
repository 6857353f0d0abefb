import { WorkbenchError } from '../../errors.ts';
import { formatBytes } from '../memory-budget.ts';
import type { ModelEntry } from '../model-entry.ts';
import { checkForestFile } from './check-forest-file.ts';
import { readTextFile, textBytes } from '../model-file-io.ts';
import { predictProba, predictValue } from './predict-forest.ts';
import { deserializeForest, serializeForest } from './serialize-forest.ts';
import { FOREST_PARAMS, type ForestArtifact, type ForestSpec } from './forest-spec.ts';
import { trainForest } from './train-forest.ts';

/**
 * Bytes a tree node costs over a run: its typed arrays (~30 B), their base64
 * text in the stored forest (~40 B) and the copy loaded to evaluate (~30 B).
 */
const BYTES_PER_NODE = 100;
/** The grow workspace per row and feature: a float64 column copy, the sorted order and two partition buffers. */
const WORKSPACE_BYTES_PER_CELL = 8 + 4 + 4 + 4;

/** Random forest (sklearn's algorithm, our typed-array code), for either task. */
export const forestEntry: ModelEntry<ForestSpec, ForestArtifact> = {
  kind: 'forest',
  label: 'Random forest',
  shortName: 'forest',
  tasks: ['classification', 'regression'],
  params: FOREST_PARAMS,
  runtime: 'none',
  curve: null,
  // A forest only compares values, so any finite number works.
  inputLimit: Number.MAX_VALUE,
  // Nodes are known only as trees grow; training stops once they pass the budget.
  estimate: (_spec, shape) => ({ parameters: 0, bytes: workspaceBytes(shape.rows, shape.width) }),
  async train(spec, data, { rng, onProgress, memoryBudget }) {
    const design = { x: data.x, rows: data.rows, features: data.width };
    const forestData =
      data.task === 'classification'
        ? { task: 'classification' as const, ...design, y: data.y as Int32Array, classCount: data.classCount }
        : { task: 'regression' as const, ...design, y: data.y as Float64Array };
    const fixed = workspaceBytes(data.rows, data.width);
    const model = trainForest(
      forestData,
      {
        task: data.task,
        trees: spec.trees,
        maxDepth: spec.maxDepth,
        minSamplesLeaf: spec.minSamplesLeaf,
        maxFeatures: spec.maxFeatures === 1 ? 'all' : spec.maxFeatures,
        bootstrap: spec.bootstrap,
      },
      rng,
      (built, nodes) => {
        if (fixed + nodes * BYTES_PER_NODE > memoryBudget) throw tooLarge(spec, built, nodes, memoryBudget);
        onProgress?.({ kind: 'trees', built, total: spec.trees });
      },
    );
    return { kind: 'forest', forest: serializeForest(model) };
  },
  async open(artifact) {
    const model = deserializeForest(artifact.forest);
    const predict = model.task === 'classification' ? predictProba : predictValue;
    return { predict: async (x, rows) => predict(model, x, rows), dispose: () => {} };
  },
  toStored: (artifact) => ({ header: artifact, binary: new Uint8Array(0) }),
  fromStored: (header) => header as ForestArtifact,
  fileNames: ['forest.json'],
  // The serialized forest already is a documented JSON format; its text is kept byte for byte.
  writeFiles: (artifact) => [['forest.json', textBytes(artifact.forest)]],
  readFiles: (files) => ({ kind: 'forest', forest: readTextFile('forest.json', files) }),
  checkImported(artifact, expect) {
    const model = checkForestFile(artifact.forest, expect);
    const predict = model.task === 'classification' ? predictProba : predictValue;
    return (x, rows) => predict(model, x, rows);
  },
};

function workspaceBytes(rows: number, width: number): number {
  return rows * width * WORKSPACE_BYTES_PER_CELL + rows * 9;
}

function tooLarge(spec: ForestSpec, built: number, nodes: number, budget: number): WorkbenchError {
  return new WorkbenchError(
    'train.too_large',
    `The random forest outgrew the memory budget: after ${built} of ${spec.trees} trees it has ${nodes.toLocaleString('en-US')} nodes, about ${formatBytes(nodes * BYTES_PER_NODE * (spec.trees / built))} for all trees, more than the ${formatBytes(budget)} a run may use. Set a max depth (e.g. 12), raise min samples per leaf, or use fewer trees or rows.`,
  );
}
