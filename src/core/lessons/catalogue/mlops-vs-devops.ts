import { deployedTo, gateBlocked, loggedPredictions, registeredVersions, rolledBack } from '../checks.ts';
import type { Lesson } from '../lesson-types.ts';

/** What changes when the thing shipped is a model rather than code. */
export const MLOPS_VS_DEVOPS: Lesson = {
  id: 'mlops-vs-devops',
  title: 'MLOps versus DevOps',
  summary: 'Artifacts, testing, deployment, monitoring and recovery when the release is a model.',
  explanation: [
    'DevOps ships code: the artifact is a build, tests pass or fail the same way every time, and a server that answers is healthy. MLOps ships a model, which is code plus data plus a training run. Its quality is statistical, it can fail silently while every request succeeds, and it decays as the world changes.',
    'Each step shows one difference in the workbench.',
  ],
  points: [
    {
      term: 'Artifacts',
      meaning: 'A model version carries its data version, run, metrics and signature, not just a binary.',
    },
    { term: 'Testing', meaning: 'Gates check metrics against thresholds and the last version, not only unit tests.' },
    { term: 'Deployment', meaning: 'A model is validated (signature, smoke prediction) before it serves.' },
    { term: 'Monitoring', meaning: 'Input drift and accuracy are watched, beyond uptime and latency.' },
    { term: 'Recovery', meaning: 'Rolling back restores the previous model version exactly.' },
  ],
  steps: [
    {
      id: 'artifacts',
      title: 'Artifacts: register a model version',
      how: 'Train a run and register it; the version page names its data, run and metrics.',
      area: 'runs',
      check: registeredVersions(1),
    },
    {
      id: 'testing',
      title: 'Testing: watch a gate block a promotion',
      how: 'In Registry, save a gate the model cannot meet (e.g. accuracy ≥ 0.999), then try to move it to Production.',
      area: 'registry',
      check: gateBlocked,
    },
    {
      id: 'deployment',
      title: 'Deployment: deploy a version to production',
      how: 'In Deploy, choose a version for Production and press "Deploy to production".',
      area: 'deploy',
      check: deployedTo('production'),
    },
    {
      id: 'monitoring',
      title: 'Monitoring: replay traffic and keep the prediction log',
      how: 'In Deploy or Monitor, replay a dataset version as traffic through the served model.',
      area: 'deploy',
      check: loggedPredictions,
    },
    {
      id: 'recovery',
      title: 'Recovery: deploy a second version, then roll back',
      how: 'Deploy another version to production, then press "Roll back production".',
      area: 'deploy',
      check: rolledBack,
    },
  ],
};
