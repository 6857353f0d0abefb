import { COLUMN_TYPES, isNumericType, type ColumnType } from '../../data/types.ts';
import { OTHER, type Preprocessor } from '../../train/preprocess.ts';
import type { InputSignature } from '../registry-types.ts';
import { invalidModel, isFiniteNumber, isObject } from '../../models/imported-model-checks.ts';

/**
 * Checks signature.json on its own: inputs with names and known types, a
 * task, and for classification at least two distinct labels (the order of
 * the model's class probabilities).
 */
export function checkSignature(signature: InputSignature): void {
  const bad = (why: string) => invalidModel('signature.json', why);
  if (!Array.isArray(signature.inputs) || signature.inputs.length === 0) throw bad('it lists no inputs');
  signature.inputs.forEach((input, i) => {
    if (
      !isObject(input) ||
      typeof input.name !== 'string' ||
      !(COLUMN_TYPES as readonly unknown[]).includes(input.type)
    )
      throw bad(`input ${i} has no name or an unknown type`);
  });
  if (new Set(signature.inputs.map((i) => i.name)).size !== signature.inputs.length)
    throw bad('it names an input twice');
  const target = signature.target;
  if (!isObject(target) || typeof target.name !== 'string' || !Array.isArray(target.labels))
    throw bad('its target has no name or labels');
  if (signature.task === 'classification') {
    const labels = target.labels;
    if (labels.length < 2 || !labels.every((l) => typeof l === 'string') || new Set(labels).size !== labels.length)
      throw bad('a classification target needs at least two distinct labels, and these are not');
  } else if (signature.task === 'regression') {
    if (target.labels.length !== 0) throw bad('a regression target has no labels, but this one lists some');
  } else {
    throw bad(`its task ${JSON.stringify(signature.task)} is neither classification nor regression`);
  }
}

/**
 * Checks that preprocessing.json is the fitted preprocessing of exactly the
 * signature's inputs, in order: a numeric step (finite fill, center, and a
 * positive scale) for each numeric input, a one-hot step (distinct
 * categories, and an "other" column when rare ones were folded) for each
 * category, and output names that follow the steps.
 * Returns the width of the rows it produces, which the model must read.
 */
export function checkPreprocessing(pre: Preprocessor, signature: InputSignature): number {
  const bad = (why: string) => invalidModel('preprocessing.json', why);
  if (pre.steps.length !== signature.inputs.length)
    throw bad(`it has ${pre.steps.length} steps but signature.json lists ${signature.inputs.length} inputs`);
  const expectedNames: string[] = [];
  pre.steps.forEach((step, i) => {
    if (!isObject(step)) throw bad(`step ${i} is not a preprocessing step`);
    const input = signature.inputs[i];
    if (step.name !== input.name)
      throw bad(
        `step ${i} is for column ${JSON.stringify(step.name)} but signature.json's input ${i} is "${input.name}"`,
      );
    const label = `step ${i} (${JSON.stringify(step.name)})`;
    const wanted = stepKind(input.type);
    if (step.kind !== wanted)
      throw bad(`${label} is ${JSON.stringify(step.kind)}, but a ${input.type} input needs ${wanted}`);
    if (step.kind === 'numeric') {
      for (const key of ['fill', 'center', 'scale'] as const)
        if (!isFiniteNumber(step[key])) throw bad(`${label} has a ${key} that is not a finite number`);
      if (!(step.scale > 0)) throw bad(`${label} has a scale of ${step.scale}; it must be positive`);
      expectedNames.push(step.name);
    } else {
      const categories = step.categories;
      if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string'))
        throw bad(`${label} has no list of categories`);
      if (new Set(categories).size !== categories.length) throw bad(`${label} lists a category twice`);
      if (typeof step.fill !== 'string') throw bad(`${label} has no fill category`);
      for (const c of categories) expectedNames.push(`${step.name}=${c}`);
      if (step.other !== undefined) {
        const { folded, rows } = step.other ?? {};
        if (!isCount(folded) || folded < 1 || !isCount(rows))
          throw bad(`${label} has an "other" column without counts of the categories and rows it stands for`);
        expectedNames.push(`${step.name}=${OTHER}`);
      }
    }
  });
  const names = pre.outputNames;
  if (names.length !== expectedNames.length || names.some((n, i) => n !== expectedNames[i]))
    throw bad(`its outputNames (${names.length}) do not follow its steps (${expectedNames.length} columns)`);
  if (names.length === 0) throw bad('it produces no columns');
  return names.length;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function stepKind(type: ColumnType): 'numeric' | 'categorical' {
  return isNumericType(type) ? 'numeric' : 'categorical';
}
