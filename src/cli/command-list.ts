import type { Command } from './command.ts';

/**
 * Every `workbench` command: its one-line summary for the top-level help, and
 * how to load it. Each command's module (and what it pulls in: the registry,
 * bundles, the models, TF.js) is imported only when that command runs, so
 * `workbench --help` and `workbench profile` start without the rest.
 */
export interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  profile: {
    summary: 'profile a CSV file: types, statistics, quality warnings, version id',
    load: async () => (await import('./commands/profile.ts')).profileCommand,
  },
  train: {
    summary: 'train and evaluate a model on a CSV file (held-out metrics, importance)',
    load: async () => (await import('./commands/train.ts')).trainCommand,
  },
  run: {
    summary: 'run a saved pipeline spec on the dataset version it was made for',
    load: async () => (await import('./commands/run.ts')).runCommand,
  },
  models: {
    summary: 'list registered models, or one model’s versions (stage, metrics, run, data)',
    load: async () => (await import('./commands/models.ts')).modelsCommand,
  },
  promote: {
    summary: 'move a model version to another stage, checking its promotion gates',
    load: async () => (await import('./commands/promote.ts')).promoteCommand,
  },
  gates: {
    summary: 'show or set a model’s promotion gates (metric thresholds, checks, approval)',
    load: async () => (await import('./commands/gates.ts')).gatesCommand,
  },
  export: {
    summary: 'export a model version as a verifiable zip bundle (model, preprocessing, card)',
    load: async () => (await import('./commands/export.ts')).exportCommand,
  },
  import: {
    summary: 'import a model bundle zip as a new version, with every hash verified',
    load: async () => (await import('./commands/import.ts')).importCommand,
  },
  audit: {
    summary: 'verify or list a workspace’s hash-chained audit log',
    load: async () => (await import('./commands/audit.ts')).auditCommand,
  },
  predict: {
    summary: 'score a CSV file with a registered model version (by version, stage or alias)',
    load: async () => (await import('./commands/predict.ts')).predictCommand,
  },
  deploy: {
    summary: 'validate a model version and deploy it to staging or production',
    load: async () => (await import('./commands/deploy.ts')).deployCommand,
  },
  rollback: {
    summary: 'restore the deployment an environment had before its last deploy',
    load: async () => (await import('./commands/rollback.ts')).rollbackCommand,
  },
  deployments: {
    summary: 'list deployments per model and environment, with their rollback plans',
    load: async () => (await import('./commands/deployments.ts')).deploymentsCommand,
  },
  drift: {
    summary: 'compare two CSV files column by column for drift (KS, chi-squared, PSI, Wasserstein, Jensen–Shannon)',
    load: async () => (await import('./commands/drift.ts')).driftCommand,
  },
  simulate: {
    summary: 'replay a traffic file through a blue/green, canary, shadow or A/B rollout',
    load: async () => (await import('./commands/simulate.ts')).simulateCommand,
  },
  features: {
    summary: 'feature store: point-in-time join, apply definitions, historical and online features',
    load: async () => (await import('./commands/features.ts')).featuresCommand,
  },
  monitor: {
    summary: 'monitor a served model: windows of its prediction log, drift, accuracy with intervals, alerts',
    load: async () => {
      const [{ createMonitorCommand }, { cachedDriftFunction }] = await Promise.all([
        import('./commands/monitor.ts'),
        import('../core/monitor/drift/index.ts'),
      ]);
      return createMonitorCommand(async () => cachedDriftFunction());
    },
  },
  maturity: {
    summary: 'assess the workspace’s MLOps maturity level (0–3) and what is missing for the next',
    load: async () => (await import('./commands/maturity.ts')).maturityCommand,
  },
  bundle: {
    summary: 'export the whole workspace as one verifiable zip, or import one into a new workspace',
    load: async () => (await import('./commands/bundle.ts')).bundleCommand,
  },
  data: {
    summary: 'export a dataset version as CSV, Parquet or Arrow, or import such a file as a version',
    load: async () => (await import('./commands/data.ts')).dataCommand,
  },
  mlflow: {
    summary: 'export runs and registered models in MLflow’s file-store layout (mlruns/)',
    load: async () => (await import('./commands/mlflow.ts')).mlflowCommand,
  },
  retrain: {
    summary: 'run a model’s retraining policy once: train on newer data, gate, promote, deploy',
    load: async () => (await import('./commands/retrain.ts')).retrainCommand,
  },
};
