import { stringify } from 'yaml';

/** One file of the export, its path relative to the output folder (always `mlruns/…`, `/`-separated). */
export interface MlflowFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * YAML as MLflow's file store writes its meta.yaml (PyYAML `safe_dump`,
 * block style, keys sorted): strings that look like numbers are quoted, so
 * `experiment_id: '1'` reads back as a string.
 */
export function metaYaml(fields: Record<string, unknown>): string {
  const sorted = Object.fromEntries(
    Object.keys(fields)
      .sort()
      .map((k) => [k, fields[k]]),
  );
  return stringify(sorted, { lineWidth: 0 });
}
