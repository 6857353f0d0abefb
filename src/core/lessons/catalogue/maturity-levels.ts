import { raisedAlert, registeredVersions, reproducedRun, retrained, rolledOut, setGates } from '../checks.ts';
import type { Lesson } from '../lesson-types.ts';

/** Levels 0 to 3, climbed one record at a time. */
export const MATURITY_LEVELS: Lesson = {
  id: 'maturity-levels',
  title: 'The four maturity levels',
  summary: 'Climb from manual work (level 0) to full MLOps (level 3) in one workspace.',
  explanation: [
    'Teams grow into MLOps in stages. At level 0 every step is done by hand and nothing links a served model to its data. Level 1 automates the training pipeline so a model can be rebuilt on demand. Level 2 adds continuous integration and delivery for models: tests and gates decide what ships, and releases roll out gradually. Level 3 closes the loop: monitoring notices decay and retraining starts on its own.',
    'Each step below moves this workspace up one rung; the Maturity panel reads the same records.',
  ],
  points: [
    { term: 'Level 0: manual', meaning: 'Models are trained and handed over by hand, once.' },
    { term: 'Level 1: pipeline automation', meaning: 'A pipeline spec can rerun training and reproduce the result.' },
    { term: 'Level 2: CI/CD for ML', meaning: 'Gates test every candidate and releases roll out step by step.' },
    {
      term: 'Level 3: full MLOps',
      meaning: 'Monitoring raises alerts and triggers retraining without a person starting it.',
    },
  ],
  steps: [
    {
      id: 'level-0',
      title: 'Level 0: train and register a model by hand',
      how: 'Save a sample in Data, train it, and register the run in Runs.',
      area: 'runs',
      check: registeredVersions(1),
    },
    {
      id: 'level-1',
      title: 'Level 1: rerun the pipeline and reproduce it',
      how: 'In Runs, press "Re-run": the same spec, data and seed give the same metrics.',
      area: 'runs',
      check: reproducedRun,
    },
    {
      id: 'level-2-gates',
      title: 'Level 2: guard promotion with a gate',
      how: 'In Registry, save a metric gate for the model.',
      area: 'registry',
      check: setGates,
    },
    {
      id: 'level-2-rollout',
      title: 'Level 2: release with a rollout strategy',
      how: 'In Deploy, open Rollout and run a canary, shadow, A/B or blue/green rollout to its end.',
      area: 'deploy',
      check: rolledOut,
    },
    {
      id: 'level-3-alert',
      title: 'Level 3: let monitoring raise an alert',
      how: 'In Monitor, replay drifted traffic in the Drift lab and press "Check windows".',
      area: 'monitor',
      check: raisedAlert,
    },
    {
      id: 'level-3-retrain',
      title: 'Level 3: retrain from the alert',
      how: 'In Monitor, press "Retrain now" (or let the policy start it).',
      area: 'monitor',
      check: retrained,
    },
  ],
};
