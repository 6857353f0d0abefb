import { registeredVersions, reproducedRun, savedPolicy, savedVersions, setGates } from '../checks.ts';
import type { Lesson } from '../lesson-types.ts';

/** Reproducibility, automation, monitoring, versioning and collaboration, each shown by a record. */
export const PRINCIPLES: Lesson = {
  id: 'principles',
  title: 'The principles of MLOps',
  summary: 'Versioning, reproducibility, automation, monitoring and collaboration, each made visible.',
  explanation: [
    'MLOps is a set of habits that make machine learning dependable after the notebook: anything that produced a model can be named, repeated, checked and watched, by anyone on the team.',
    'Each step below puts one principle into practice in the workbench and leaves a record that proves it.',
  ],
  points: [
    {
      term: 'Versioning',
      meaning: 'Data, code and models get immutable ids, so a result always points at what made it.',
    },
    { term: 'Reproducibility', meaning: 'The same spec, data and seed give the same model and the same metrics.' },
    { term: 'Automation', meaning: 'Rules, not people, decide routine steps: promotion gates, alerts, retraining.' },
    { term: 'Monitoring', meaning: 'A served model is watched for drift and decay, not trusted forever.' },
    {
      term: 'Collaboration',
      meaning: 'Every change is attributed and logged, so a team can review and hand over work.',
    },
  ],
  steps: [
    {
      id: 'versioning',
      title: 'Versioning: save a dataset version',
      how: 'In Data, load a sample and press "Save version"; its id is the hash of its content.',
      area: 'data',
      check: savedVersions(1),
    },
    {
      id: 'reproducibility',
      title: 'Reproducibility: re-run a run and get the same metrics',
      how: 'Train once, then in Runs press "Re-run" on it; the table says "reproduced: same metrics".',
      area: 'runs',
      check: reproducedRun,
    },
    {
      id: 'collaboration',
      title: 'Collaboration: register a version others can find',
      how: 'In Runs, register the run; the Registry and the Audit log name who did it.',
      area: 'runs',
      check: registeredVersions(1),
    },
    {
      id: 'automation',
      title: 'Automation: add a promotion gate',
      how: "In Registry, edit the model's gates and require a minimum metric (e.g. accuracy ≥ 0.9).",
      area: 'registry',
      check: setGates,
    },
    {
      id: 'monitoring',
      title: 'Monitoring: save a monitoring policy',
      how: 'In Monitor, with a version in Production, save the alert rules and retraining policy.',
      area: 'monitor',
      check: savedPolicy,
    },
  ],
};
