import { compileExpression, type CompiledExpression } from '../../features/expression/index.ts';
import { nearestName } from '../../features/expression/suggest.ts';
import type { ColumnSchema, ColumnType } from '../types.ts';
import type { TransformRecipe, TransformStep } from './recipe.ts';
import { windowContextOf } from './schema-flow.ts';
import { fillMethodsFor, readFillValue } from './steps/fill-value.ts';

/** A problem with one field of a step; expression problems carry the character range. */
export interface StepIssue {
  field: 'expression' | 'column' | 'columns' | 'to' | 'value' | 'method';
  message: string;
  start?: number;
  end?: number;
}

export interface CheckedStep {
  issues: StepIssue[];
  /** The columns after this step (unchanged when the step has issues). */
  schema: ColumnSchema[];
  /** The step's expression, compiled, for filter and derive steps without issues. */
  compiled?: CompiledExpression;
}

export interface CheckedRecipe {
  ok: boolean;
  steps: CheckedStep[];
  /** The columns the recipe produces. */
  schema: ColumnSchema[];
}

/**
 * Checks every step against the columns it will see — the parent's, changed
 * by the steps before — without touching data, so the panel can show each
 * mistake at once, at its step and (for expressions) its position.
 */
export function checkRecipe(recipe: TransformRecipe, schema: readonly ColumnSchema[]): CheckedRecipe {
  let current = [...schema];
  const steps = recipe.steps.map((step) => {
    const checked = checkStep(step, current);
    current = checked.schema;
    return checked;
  });
  return { ok: steps.every((s) => s.issues.length === 0), steps, schema: current };
}

function checkStep(step: TransformStep, schema: ColumnSchema[]): CheckedStep {
  const issues: StepIssue[] = [];
  const names = schema.map((c) => c.name);
  const column = (name: string, field: StepIssue['field']): ColumnSchema | undefined => {
    const found = schema.find((c) => c.name === name);
    if (!found) {
      const near = name === '' ? undefined : nearestName(name, names);
      const message =
        name === '' ? 'Choose a column' : `no column '${name}'${near ? ` — did you mean '${near}'?` : ''}`;
      issues.push({ field, message });
    }
    return found;
  };
  const done = (after: ColumnSchema[], compiled?: CompiledExpression): CheckedStep =>
    issues.length > 0 ? { issues, schema } : { issues, schema: after, compiled };

  switch (step.kind) {
    case 'filter':
    case 'derive': {
      if (step.kind === 'derive' && step.column.trim() === '')
        issues.push({ field: 'column', message: 'Name the new column' });
      const compiled = compileStepExpression(step.expression, schema, issues);
      if (compiled && step.kind === 'filter' && compiled.type !== 'boolean') {
        issues.push({
          field: 'expression',
          message: `A filter keeps the rows where a condition is true, but this is a ${compiled.type}: compare it, e.g. … > 0`,
          start: 0,
          end: step.expression.length,
        });
      }
      if (step.kind === 'filter' || !compiled) return done(schema, compiled);
      const type: ColumnType = compiled.type === 'string' ? 'category' : compiled.type;
      const at = names.indexOf(step.column);
      const after =
        at < 0
          ? [...schema, { name: step.column, type, role: 'feature' as const }]
          : schema.map((c, i) => (i === at ? { ...c, type } : c));
      return done(after, compiled);
    }
    case 'drop': {
      if (step.columns.length === 0) issues.push({ field: 'columns', message: 'Choose the columns to drop' });
      step.columns.forEach((name) => column(name, 'columns'));
      if (step.columns.length > 0 && schema.every((c) => step.columns.includes(c.name))) {
        issues.push({ field: 'columns', message: 'Keep at least one column' });
      }
      return done(schema.filter((c) => !step.columns.includes(c.name)));
    }
    case 'rename': {
      column(step.from, 'column');
      const to = step.to;
      if (to.trim() === '') issues.push({ field: 'to', message: 'Write the new name' });
      else if (to !== step.from && names.includes(to))
        issues.push({ field: 'to', message: `There is already a column '${to}'` });
      return done(schema.map((c) => (c.name === step.from ? { ...c, name: to } : c)));
    }
    case 'fill': {
      const target = column(step.column, 'column');
      if (!target) return done(schema);
      if (!fillMethodsFor(target.type).includes(step.method)) {
        issues.push({ field: 'method', message: `A ${target.type} column cannot be filled with its ${step.method}` });
      } else if (step.method === 'value') {
        const read = readFillValue(step.value ?? '', target.type);
        if (!read.ok) issues.push({ field: 'value', message: read.message });
      }
      // A fractional mean or median turns integers into numbers; the data decides, so the check keeps the type.
      return done(schema);
    }
    case 'deduplicate':
      step.columns.forEach((name) => column(name, 'columns'));
      return done(schema);
  }
}

function compileStepExpression(
  text: string,
  schema: ColumnSchema[],
  issues: StepIssue[],
): CompiledExpression | undefined {
  const context = windowContextOf(schema);
  const result = compileExpression(text, schema, { context });
  if (!result.ok) {
    for (const e of result.errors) issues.push({ field: 'expression', message: e.message, start: e.start, end: e.end });
    return undefined;
  }
  if (result.compiled.usesWindow && !context) {
    issues.push({
      field: 'expression',
      message:
        "A window aggregation needs a column with the role 'entity' and one with the role 'timestamp': set them in the profile",
      start: 0,
      end: text.length,
    });
    return undefined;
  }
  return result.compiled;
}
