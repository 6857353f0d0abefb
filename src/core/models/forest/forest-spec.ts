import type { ParamSpec } from '../model-params.ts';

/** A random forest's hyperparameters in a pipeline spec. */
export interface ForestSpec {
  kind: 'forest';
  trees: number;
  maxDepth: number | null;
  minSamplesLeaf: number;
  maxFeatures: 'sqrt' | 'log2' | 'all' | number;
  bootstrap: boolean;
}

/** A fitted forest as storable data: its documented JSON text (see serialize-forest.ts). */
export interface ForestArtifact {
  kind: 'forest';
  forest: string;
}

/** The forest's hyperparameters with sklearn's defaults. */
export const FOREST_PARAMS: readonly ParamSpec[] = [
  {
    name: 'trees',
    label: 'Trees',
    help: 'How many trees vote. More trees give steadier predictions and take longer; 100 is usual.',
    type: 'number',
    default: 100,
    min: 1,
    max: 2000,
    integer: true,
    step: 1,
  },
  {
    name: 'maxDepth',
    label: 'Max depth',
    help: 'Deepest level a leaf may sit at. Empty grows each tree until its leaves are pure; a limit curbs overfitting and memory.',
    type: 'number',
    default: null,
    nullLabel: 'no limit',
    min: 1,
    max: 1000,
    integer: true,
    step: 1,
  },
  {
    name: 'minSamplesLeaf',
    label: 'Min samples per leaf',
    help: 'Fewest training rows a leaf may hold. Larger values smooth predictions and make smaller trees.',
    type: 'number',
    default: 1,
    min: 1,
    max: 1_000_000,
    integer: true,
    step: 1,
  },
  {
    name: 'maxFeatures',
    label: 'Max features',
    help: 'How many features each split looks at: √p and log₂ p decorrelate the trees, all makes each tree greedy.',
    type: 'choice',
    options: [
      { value: 'sqrt', label: '√p' },
      { value: 'log2', label: 'log₂ p' },
      { value: 'all', label: 'all' },
    ],
    default: 'sqrt',
    number: { label: 'a fraction of p', min: 0, max: 1, integer: false, minExclusive: true, step: 0.05 },
  },
  {
    name: 'bootstrap',
    label: 'Bootstrap',
    help: 'Train each tree on rows drawn with replacement, which makes the trees differ.',
    type: 'boolean',
    default: true,
  },
];
