import type { AreaEntries } from './error-entry.ts';

/** Exporting a model version as ONNX, and the KServe bundle around it. */
export const ONNX_ERRORS = {
  'onnx.unsupported_model': {
    title: 'Model kind not exportable as ONNX',
    help: 'Export the version as a workbench bundle instead, or train a forest, logistic, ridge or MLP model.',
  },
  'onnx.unsupported_preprocessing': {
    title: 'Preprocessing not exportable as ONNX',
    help: 'Retrain with preprocessing the export supports (imputation, standardisation, one-hot encoding).',
  },
  'onnx.missing_artifact': {
    title: 'Model or preprocessing missing',
    help: 'Import the version’s bundle again, or register a run trained in this workspace.',
  },
  'onnx.name_clash': {
    title: 'Column named like an output',
    help: 'Rename the column (it clashes with the ONNX outputs label, probabilities or variable) and retrain.',
  },
  'kserve.bad_settings': {
    title: 'Unusable serving settings',
    help: 'Give a storage URI (s3://, gs://, pvc://, https://…) and a canary percentage from 0 to 100.',
  },
} as const satisfies AreaEntries<'onnx' | 'kserve'>;
