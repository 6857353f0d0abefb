import { comparedModelKinds, definedFeatureView, derivedVersion, reachedStage } from '../checks.ts';
import type { Lesson } from '../lesson-types.ts';

/** Data management, model registry, feature store and training pipeline, each used once. */
export const COMPONENTS: Lesson = {
  id: 'components',
  title: 'The core components',
  summary: 'Use the four building blocks every MLOps platform has: data, registry, features, pipeline.',
  explanation: [
    'Whatever the tools, an MLOps platform has the same few parts. Data management keeps datasets as versions with their lineage. The training pipeline turns a version and a spec into a model the same way every time. The model registry stores the models with their stages. The feature store defines features once so training and serving compute them the same way.',
  ],
  points: [
    { term: 'Data management', meaning: 'Versions, profiles, quality checks and the lineage between datasets.' },
    {
      term: 'Training pipeline',
      meaning: 'A declarative spec: split, preprocessing, model and evaluation, replayable.',
    },
    { term: 'Model registry', meaning: 'Numbered model versions, their stages, aliases, gates and cards.' },
    {
      term: 'Feature store',
      meaning: 'Shared feature definitions with point-in-time-correct retrieval and an online store.',
    },
  ],
  steps: [
    {
      id: 'data',
      title: 'Data management: derive a version with a transform',
      how: 'In Versions, open a saved version and apply a transform step (e.g. drop a column): the result is a child version.',
      area: 'versions',
      check: derivedVersion,
    },
    {
      id: 'pipeline',
      title: 'Training pipeline: train two model kinds on one version',
      how: 'In Train, train the same version with two different models and compare them in Runs.',
      area: 'train',
      check: comparedModelKinds,
    },
    {
      id: 'registry',
      title: 'Model registry: move a version to Staging',
      how: 'Register a run, then in Registry move the version to Staging.',
      area: 'registry',
      check: reachedStage('Staging'),
    },
    {
      id: 'features',
      title: 'Feature store: define a feature view',
      how: 'In Features, define a feature view over a saved version (an entity, an event-time column and an expression) and apply it.',
      area: 'features',
      check: definedFeatureView,
    },
  ],
};
