import { definedFeatureView, gateBlocked, loggedPredictions, raisedDriftAlert, reproducedRun } from '../checks.ts';
import type { Lesson } from '../lesson-types.ts';

/** Data skew, model drift, scalability, reproducibility and governance, each met on real data. */
export const CHALLENGES: Lesson = {
  id: 'challenges',
  title: 'The common challenges',
  summary: 'Meet data skew, model drift, scalability, reproducibility and governance in practice.',
  explanation: [
    "Most production failures of machine learning are not bugs in the model. The features served differ from the ones trained on, the world drifts, traffic grows, nobody can rebuild last month's model, or nobody can say who approved it. Each step below meets one of these problems and the tool the workbench offers against it.",
  ],
  points: [
    {
      term: 'Data skew',
      meaning: 'Training and serving compute features differently; one shared definition prevents it.',
    },
    { term: 'Model drift', meaning: 'The inputs or their relation to the target change after training.' },
    { term: 'Scalability', meaning: 'Scoring many requests without blocking: batches, workers, a log per batch.' },
    { term: 'Reproducibility', meaning: 'Recording seed, data and environment so a model can be rebuilt exactly.' },
    { term: 'Governance', meaning: 'Rules, approvals and an audit trail for what may reach production.' },
  ],
  steps: [
    {
      id: 'skew',
      title: 'Data skew: define features once for training and serving',
      how: 'In Features, define a feature view and apply it; training and serving then use the same definition.',
      area: 'features',
      check: definedFeatureView,
    },
    {
      id: 'drift',
      title: 'Model drift: inject drift and get an alert',
      how: 'In Monitor, replay traffic with a shifted column in the Drift lab, then press "Check windows".',
      area: 'monitor',
      check: raisedDriftAlert,
    },
    {
      id: 'scalability',
      title: 'Scalability: score a whole dataset as traffic',
      how: 'Replay a dataset version through a served model: it is scored in batches in a worker and logged.',
      area: 'monitor',
      check: loggedPredictions,
    },
    {
      id: 'reproducibility',
      title: 'Reproducibility: re-run a run',
      how: 'In Runs, press "Re-run" on a run and compare the metrics.',
      area: 'runs',
      check: reproducedRun,
    },
    {
      id: 'governance',
      title: 'Governance: have a gate refuse a promotion',
      how: 'In Registry, save a strict gate and try to promote; the refusal is logged in the Audit log.',
      area: 'registry',
      check: gateBlocked,
    },
  ],
};
