import { castColumn } from '../../data/ingest/cast-column.ts';
import { isNumericColumn, isNumericType, type Column, type DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { InputSignature } from '../../registry/registry-types.ts';

/**
 * The columns a version reads, taken from incoming data and brought to the
 * kinds its preprocessing expects: a numeric input that arrived as text
 * (a small file typed differently) is read as numbers, a categorical input
 * that arrived as numbers is read as text. Other columns are left out.
 *
 * @throws WorkbenchError `serving.signature-mismatch` naming the missing
 *   columns, or the columns whose cells cannot be read as the trained type
 */
export function conformTable(table: DataTable, signature: InputSignature): DataTable {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const missing = signature.inputs.filter((i) => !byName.has(i.name)).map((i) => i.name);
  if (missing.length > 0) {
    throw new WorkbenchError(
      'serving.signature_mismatch',
      `The data lacks ${missing.length === 1 ? 'the column' : 'columns'} ${quoted(missing)} that this model version reads (its inputs: ${quoted(signature.inputs.map((i) => i.name))}). Add ${missing.length === 1 ? 'it' : 'them'} with the same name${missing.length === 1 ? '' : 's'} as in training, or score with a version trained on these columns.`,
      { details: { missing } },
    );
  }
  const unreadable: string[] = [];
  const columns = signature.inputs.map(({ name, type }) => {
    const column = byName.get(name)!;
    const cast = conformColumn(column, type);
    if (cast.unreadable > 0)
      unreadable.push(`"${name}" (${cast.unreadable} cell${cast.unreadable === 1 ? '' : 's'} not ${type})`);
    return cast.column;
  });
  if (unreadable.length > 0) {
    throw new WorkbenchError(
      'serving.signature_mismatch',
      `Some columns do not hold the type this model version was trained on: ${unreadable.join(', ')}. Fix those cells or leave them empty (an empty cell is imputed as in training).`,
      { details: { unreadable } },
    );
  }
  return { rowCount: table.rowCount, columns };
}

function conformColumn(column: Column, type: InputSignature['inputs'][number]['type']) {
  const wantsNumbers = isNumericType(type);
  if (wantsNumbers === isNumericColumn(column)) return { column, unreadable: 0 };
  return castColumn(column, wantsNumbers ? type : 'category');
}

function quoted(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}
