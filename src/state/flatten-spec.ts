/**
 * Pipeline specs as flat `path → value` rows, so runs can be compared
 * parameter by parameter and the ones that differ picked out.
 */

/** One compared parameter: its dotted path and each run's value as text. */
export interface ParameterRow {
  path: string;
  values: string[];
  differs: boolean;
}

/**
 * Flattens nested objects to dotted paths; arrays are kept whole (a layer
 * list `[64, 64]` is one parameter), `null` and missing are distinct.
 *
 * @example
 * flattenSpec({ model: { kind: 'mlp', hiddenLayers: [64, 64] } }); // { 'model.kind': 'mlp', 'model.hiddenLayers': '[64,64]' }
 */
export function flattenSpec(value: unknown, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flattenSpec(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into[prefix] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return into;
}

/** The union of every object's parameters, in first-seen order, with a flag where they differ. */
export function compareParameters(objects: readonly unknown[]): ParameterRow[] {
  const flat = objects.map((o) => flattenSpec(o));
  const paths = [...new Set(flat.flatMap((f) => Object.keys(f)))];
  return paths.map((path) => {
    const values = flat.map((f) => f[path] ?? '—');
    return { path, values, differs: new Set(values).size > 1 };
  });
}
