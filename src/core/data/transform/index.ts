/** Data preparation as a versioned step: recipes of Transform steps over a dataset version. */
export { applyRecipe } from './apply-recipe.ts';
export { checkRecipe, type CheckedRecipe, type CheckedStep, type StepIssue } from './check-recipe.ts';
export {
  describeRecipe,
  describeStep,
  STEP_KINDS,
  type FillMethod,
  type StepKind,
  type TransformRecipe,
  type TransformStep,
} from './recipe.ts';
export { saveTransformedVersion, transformedDraft, type SaveTransformedInput } from './save-transformed.ts';
export { fillMethodsFor } from './steps/fill-value.ts';
export type { Stage } from './stage.ts';
