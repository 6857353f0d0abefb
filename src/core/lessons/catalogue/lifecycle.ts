import {
  completedRuns,
  loggedPredictions,
  raisedDriftAlert,
  reachedStage,
  registeredVersions,
  retrained,
  savedVersions,
} from '../checks.ts';
import type { Lesson } from '../lesson-types.ts';

/** The whole loop, from a file to a retrained model, on one dataset. */
export const LIFECYCLE: Lesson = {
  id: 'lifecycle',
  title: 'The lifecycle, end to end',
  summary: 'Take one dataset from a file to a served model, watch it drift, and retrain it.',
  explanation: [
    'A model is not finished when it is trained. It is versioned with the data it learned from, checked before it serves anyone, watched while it serves, and replaced when the world it was trained on moves away.',
    'In this lesson you walk the loop once on the Iris flowers: every step leaves a record in the workspace, and each check below reads those records to tell you when a step is done.',
  ],
  points: [
    { term: 'Dataset version', meaning: 'A frozen copy of the data, named by the hash of its content.' },
    { term: 'Training run', meaning: 'One fit of a model on a version, with its spec, seed and metrics kept.' },
    { term: 'Model registry', meaning: 'Where trained models become numbered versions that move through stages.' },
    { term: 'Monitoring', meaning: 'Comparing live traffic with the training data, window by window.' },
    {
      term: 'Retraining',
      meaning: 'Training a challenger on newer data and promoting it only if it passes the gates.',
    },
  ],
  steps: [
    {
      id: 'version',
      title: 'Save a dataset version',
      how: 'In Data, press "Load Iris", then "Save version".',
      area: 'data',
      check: savedVersions(1),
    },
    {
      id: 'train',
      title: 'Train a model',
      how: 'In Train, pick the saved version and press "Train".',
      area: 'train',
      check: completedRuns(1),
    },
    {
      id: 'register',
      title: 'Register the run as a model version',
      how: 'In Runs, press "Register" next to the run and name the model.',
      area: 'runs',
      check: registeredVersions(1),
    },
    {
      id: 'promote',
      title: 'Promote it to Production',
      how: 'In Registry, open the version and move it to Production with a reason.',
      area: 'registry',
      check: reachedStage('Production'),
    },
    {
      id: 'traffic',
      title: 'Serve traffic with drift injected',
      how: 'In Monitor, fill the Drift lab (shift a column, e.g. petal_length by 3) and press "Replay".',
      area: 'monitor',
      check: loggedPredictions,
    },
    {
      id: 'alert',
      title: 'Let monitoring raise a drift alert',
      how: 'In Monitor, set a window size and press "Check windows".',
      area: 'monitor',
      check: raisedDriftAlert,
    },
    {
      id: 'retrain',
      title: 'Retrain on the newer data',
      how: 'In Monitor, press "Retrain now": the challenger is trained, gated and promoted or held.',
      area: 'monitor',
      check: retrained,
    },
  ],
};
