import type { Column, ColumnType, DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import {
  compileExpression,
  describeError,
  evaluateExpression,
  type CompiledExpression,
  type ExpressionError,
} from '../expression/index.ts';
import type { FeatureViewDefinition } from '../definitions/feature-types.ts';
import { columnNamed, timeValues } from '../join/table-columns.ts';

/** A feature whose expression does not compile, with the error's character range in it. */
export interface FeatureProblem {
  feature: string;
  expression: string;
  error: ExpressionError;
}

/**
 * Type-checks every feature of a view against the source's schema; window
 * aggregations group by the view's join keys and order by its event time.
 * Returns the compiled expressions, or every problem found.
 */
export function compileViewFeatures(
  view: Pick<FeatureViewDefinition, 'features' | 'eventTime'>,
  joinKeys: string[],
  schema: ReadonlyArray<{ name: string; type: ColumnType }>,
): { ok: true; compiled: CompiledExpression[] } | { ok: false; problems: FeatureProblem[] } {
  const context = { entityKey: joinKeys, timestamp: view.eventTime };
  const compiled: CompiledExpression[] = [];
  const problems: FeatureProblem[] = [];
  for (const feature of view.features) {
    const result = compileExpression(feature.expression, schema, { context });
    if (result.ok) compiled.push(result.compiled);
    else
      problems.push(
        ...result.errors.map((error) => ({ feature: feature.name, expression: feature.expression, error })),
      );
  }
  return problems.length === 0 ? { ok: true, compiled } : { ok: false, problems };
}

/** The problems as one message that names each feature and the position of its error. */
export function describeProblems(problems: FeatureProblem[]): string {
  return problems.map((p) => `Feature "${p.feature}": ${describeError(p.expression, p.error)}.`).join(' ');
}

/** A feature view computed over its source: what the point-in-time join and the online store read. */
export interface ViewFrame {
  keys: Column[];
  eventTimes: Float64Array;
  createdTimes: Float64Array | undefined;
  features: Column[];
}

/**
 * Computes a view's features over every source row. This one function feeds
 * both the training join and materialization, so training and serving can
 * never compute a feature two ways.
 *
 * @throws WorkbenchError `features.bad_expression`, `features.no_column`, `features.bad_timestamp`
 */
export function computeViewFrame(
  view: Pick<FeatureViewDefinition, 'name' | 'features' | 'eventTime' | 'created'>,
  joinKeys: string[],
  source: DataTable,
): ViewFrame {
  const what = `the source of feature view "${view.name}"`;
  const keys = joinKeys.map((k) => columnNamed(source, k, `The source of feature view "${view.name}"`));
  const eventTimes = timeValues(source, view.eventTime, what);
  const createdTimes = view.created === null ? undefined : timeValues(source, view.created, what);
  const compiled = compileViewFeatures(view, joinKeys, source.columns);
  if (!compiled.ok) {
    throw new WorkbenchError('features.bad_expression', describeProblems(compiled.problems), {
      details: { problems: compiled.problems },
    });
  }
  const context = { entityKey: joinKeys, timestamp: view.eventTime };
  const features = compiled.compiled.map((c, i) => evaluateExpression(c, source, context, view.features[i].name));
  return { keys, eventTimes, createdTimes, features };
}
