import type { AreaEntries } from './error-entry.ts';

/** Monitoring windows, alert rules and retraining. */
export const MONITOR_ERRORS = {
  'monitor.bad_window': { title: 'Unusable window size', help: 'Give a whole number of requests, 2 or more.' },
  'monitor.no_reference': {
    title: 'Training data missing',
    help: 'Import the dataset version the model was trained on.',
  },
  'monitor.not_deployed': {
    title: 'Nothing to monitor',
    help: 'Deploy a version (or promote one to Production) and replay traffic first.',
  },
  'monitor.no_traffic_logged': {
    title: 'No requests logged',
    help: 'Replay traffic with workbench simulate so the prediction log has requests.',
  },
  'monitor.no_traffic_rows': {
    title: 'Traffic rows missing',
    help: 'Replay traffic in the Drift lab, or pass the traffic file, to compare a window column by column.',
  },
  'monitor.bad_rule': { title: 'Invalid alert rule', help: 'Give each rule an id, a known kind and a threshold ≥ 0.' },
  'monitor.bad_policy': {
    title: 'Invalid retraining policy',
    help: 'Check the triggers, the promotion mode and the strategy.',
  },
  'monitor.bad_injection': {
    title: 'Cannot inject that drift',
    help: 'Pick a column of the traffic that fits the change.',
  },
  'retrain.no_champion': { title: 'No champion', help: 'Register and promote a version before retraining.' },
  'retrain.no_run': {
    title: 'Pipeline spec unknown',
    help: 'Retrain a version trained in this workspace: its run holds the spec.',
  },
  'retrain.missing_column': {
    title: 'Newer data lacks a column',
    help: 'Save a dataset version with every column the pipeline spec names.',
  },
  'retrain.no_traffic': {
    title: 'No traffic for the rollout',
    help: 'Give traffic to replay, or choose the direct strategy.',
  },
} as const satisfies AreaEntries<'monitor' | 'retrain'>;
