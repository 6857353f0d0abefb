import { WorkbenchError } from '../../errors.ts';
import { stepWidth, type Preprocessor } from '../../train/preprocess.ts';

/** The graph outputs' names; a raw input column may not take one. */
export const OUTPUT_NAMES = ['label', 'probabilities', 'variable'] as const;

/**
 * Refuses preprocessing the ONNX graph would not reproduce exactly: an
 * unknown step, non-finite statistics, a categorical step with no output
 * columns or a category the graph could not tell from a missing cell (''),
 * output names that disagree with the steps, or a column named like an
 * output.
 *
 * @throws WorkbenchError `onnx.unsupported_preprocessing`, `onnx.name_clash`
 */
export function checkPreprocessor(pre: Preprocessor, modelWidth: number): void {
  const bad = (why: string) =>
    new WorkbenchError(
      'onnx.unsupported_preprocessing',
      `The fitted preprocessing cannot be exported as ONNX: ${why}.`,
    );
  if (!pre || !Array.isArray(pre.steps) || pre.steps.length === 0) throw bad('it has no steps');
  const names = new Set<string>();
  let width = 0;
  for (const step of pre.steps) {
    if (names.has(step.name)) throw bad(`column "${step.name}" appears twice`);
    names.add(step.name);
    if ((OUTPUT_NAMES as readonly string[]).includes(step.name)) {
      throw new WorkbenchError(
        'onnx.name_clash',
        `The feature column "${step.name}" has the name of an ONNX output (${OUTPUT_NAMES.join(', ')}). Rename the column in a new dataset version and retrain, then export that version.`,
      );
    }
    if (step.kind === 'numeric') {
      if (![step.fill, step.center, step.scale].every(Number.isFinite) || step.scale === 0)
        throw bad(`numeric column "${step.name}" has a non-finite fill, center or scale`);
    } else if (step.kind === 'categorical') {
      if (!Array.isArray(step.categories) || typeof step.fill !== 'string')
        throw bad(`categorical column "${step.name}" has no category list or fill`);
      if (step.categories.length + (step.other ? 1 : 0) === 0)
        throw bad(`categorical column "${step.name}" has no category to encode (it was empty in training)`);
      if (step.categories.includes('') || new Set(step.categories).size !== step.categories.length)
        throw bad(`categorical column "${step.name}" has an empty or repeated category`);
    } else {
      throw bad(`step "${(step as { kind: unknown }).kind}" is not imputation, scaling or one-hot encoding`);
    }
    width += stepWidth(step);
  }
  if (width !== pre.outputNames.length || width !== modelWidth) {
    throw bad(
      `its steps make ${width} columns, its output names list ${pre.outputNames.length} and the model takes ${modelWidth}`,
    );
  }
}

/** Refuses a model whose class count disagrees with the version's class list. */
export function checkClassCount(modelClasses: number, labels: string[]): void {
  if (modelClasses !== labels.length) {
    throw new WorkbenchError(
      'onnx.unsupported_model',
      `The model predicts ${modelClasses} classes but the version lists ${labels.length} class labels, so the probabilities could not be named. Register the run again.`,
    );
  }
}
