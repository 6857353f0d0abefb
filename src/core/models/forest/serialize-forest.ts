import { WorkbenchError } from '../../errors.ts';
import { base64ToBytes, bytesToBase64 } from './base64.ts';
import { resolveForestParams } from './forest-params.ts';
import type { ForestModel, ResolvedForestParams, TreeArrays } from './forest-types.ts';

/** The `format` tag of a serialized forest. */
export const FOREST_FORMAT = 'mlops-workbench/random-forest';
/** Bumped when the serialized layout changes; older readers refuse newer blobs. */
export const FOREST_FORMAT_VERSION = 1;

type ArrayName = keyof TreeArrays;
const INT_ARRAYS = ['feature', 'left', 'right', 'valueStart', 'leafClass'] as const;
const FLOAT_ARRAYS = ['threshold', 'leafValue'] as const;

/** A tree in a serialized forest: each typed array as base64 of its little-endian bytes. */
export type SerializedTree = Record<ArrayName, string>;

/** The JSON a forest is stored as. */
export interface SerializedForest {
  format: typeof FOREST_FORMAT;
  version: number;
  task: ForestModel['task'];
  features: number;
  classCount: number;
  params: ResolvedForestParams;
  trees: SerializedTree[];
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Turns a forest into compact JSON text (typed arrays as base64), for storage
 * as a blob; {@link deserializeForest} reads it back to an identical model.
 *
 * @example
 * const text = serializeForest(model);
 * deserializeForest(text); // predicts exactly as model does
 */
export function serializeForest(model: ForestModel): string {
  checkEndianness();
  const doc: SerializedForest = {
    format: FOREST_FORMAT,
    version: FOREST_FORMAT_VERSION,
    task: model.task,
    features: model.features,
    classCount: model.classCount,
    params: model.params,
    trees: model.trees.map((tree) => {
      const out = {} as SerializedTree;
      for (const name of [...INT_ARRAYS, ...FLOAT_ARRAYS]) {
        const array = tree[name];
        out[name] = bytesToBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      }
      return out;
    }),
  };
  return JSON.stringify(doc);
}

/**
 * Reads a forest written by {@link serializeForest}, checking its structure
 * (array sizes, child and feature indices) so a damaged blob fails here with
 * a clear message instead of looping or mispredicting later.
 */
export function deserializeForest(text: string): ForestModel {
  checkEndianness();
  let doc: SerializedForest;
  try {
    doc = JSON.parse(text) as SerializedForest;
  } catch (cause) {
    throw new WorkbenchError(
      'forest.corrupt',
      'The stored random forest is not valid JSON; retrain the model or restore the blob.',
      { cause },
    );
  }
  if (doc?.format !== FOREST_FORMAT) corrupt(`its format is ${JSON.stringify(doc?.format)}, not ${FOREST_FORMAT}`);
  if (doc.version !== FOREST_FORMAT_VERSION) {
    throw new WorkbenchError(
      'forest.version',
      `The stored random forest has format version ${doc.version}; this app reads version ${FOREST_FORMAT_VERSION}. Update the app or retrain the model.`,
    );
  }
  const params = resolveForestParams(doc.params);
  const classCount = doc.task === 'regression' ? 1 : doc.classCount;
  if (!Number.isInteger(doc.features) || doc.features < 1) corrupt(`it claims ${doc.features} features`);
  if (!Number.isInteger(classCount) || classCount < 1) corrupt(`it claims ${doc.classCount} classes`);
  if (!Array.isArray(doc.trees) || doc.trees.length === 0) corrupt('it has no trees');
  const trees = doc.trees.map((tree, t) => {
    const arrays = {} as TreeArrays;
    for (const name of INT_ARRAYS) arrays[name] = new Int32Array(decode(tree, name, t, 4));
    for (const name of FLOAT_ARRAYS) arrays[name] = new Float64Array(decode(tree, name, t, 8));
    checkTree(arrays, doc.features, classCount, doc.task === 'classification', t);
    return arrays;
  });
  return { task: params.task, features: doc.features, classCount, params, trees };
}

function decode(tree: SerializedTree, name: ArrayName, t: number, bytesPerValue: number): ArrayBuffer {
  const bytes = typeof tree?.[name] === 'string' ? base64ToBytes(tree[name]) : null;
  if (bytes === null || bytes.length % bytesPerValue !== 0) corrupt(`tree ${t} has no readable ${name} array`);
  return bytes.buffer as ArrayBuffer;
}

/** Children come after their parent (depth-first order), which also rules out cycles. */
function checkTree(tree: TreeArrays, features: number, classCount: number, classification: boolean, t: number): void {
  const nodes = tree.feature.length;
  const entries = tree.leafValue.length;
  const sizesOk =
    nodes > 0 &&
    tree.threshold.length === nodes &&
    tree.left.length === nodes &&
    tree.right.length === nodes &&
    tree.valueStart.length === nodes + 1 &&
    tree.leafClass.length === (classification ? entries : 0);
  if (!sizesOk) corrupt(`tree ${t} has arrays of inconsistent sizes`);
  for (let i = 0; i < nodes; i++) {
    const f = tree.feature[i];
    const from = tree.valueStart[i];
    const to = tree.valueStart[i + 1];
    if (from < 0 || to < from || to > entries) corrupt(`tree ${t} node ${i} points outside the leaf values`);
    if (f === -1) {
      if (to === from || (!classification && to - from !== 1)) corrupt(`tree ${t} leaf ${i} has no prediction`);
      for (let e = from; e < to; e++) {
        if (classification && (tree.leafClass[e] < 0 || tree.leafClass[e] >= classCount))
          corrupt(`tree ${t} leaf ${i} names an unknown class`);
      }
    } else if (
      f < 0 ||
      f >= features ||
      to !== from ||
      !(tree.left[i] > i && tree.left[i] < nodes && tree.right[i] > i && tree.right[i] < nodes)
    ) {
      corrupt(`tree ${t} node ${i} is not a valid split`);
    }
  }
}

function checkEndianness(): void {
  if (!LITTLE_ENDIAN) {
    throw new WorkbenchError(
      'forest.platform',
      'Random forest blobs are little-endian and this platform is not; use a little-endian device.',
    );
  }
}

function corrupt(what: string): never {
  throw new WorkbenchError(
    'forest.corrupt',
    `The stored random forest is damaged: ${what}. Retrain the model or restore the blob.`,
  );
}
