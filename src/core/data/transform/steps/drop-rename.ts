import type { Stage } from '../stage.ts';

/** The stage without the named columns. */
export function dropColumns(stage: Stage, names: readonly string[]): Stage {
  const drop = new Set(names);
  const keep = (c: { name: string }) => !drop.has(c.name);
  return {
    table: { rowCount: stage.table.rowCount, columns: stage.table.columns.filter(keep) },
    schema: stage.schema.filter(keep),
  };
}

/** The stage with one column renamed; its data, type and role are unchanged. */
export function renameColumn(stage: Stage, from: string, to: string): Stage {
  const rename = <T extends { name: string }>(c: T): T => (c.name === from ? { ...c, name: to } : c);
  return {
    table: { rowCount: stage.table.rowCount, columns: stage.table.columns.map(rename) },
    schema: stage.schema.map(rename),
  };
}
