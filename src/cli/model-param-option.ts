import { MODEL_CATALOGUE, modelEntry, type ModelSpec } from '../core/models/catalogue.ts';
import { checkParams } from '../core/models/check-params.ts';
import { describeRange, paramDefaults, type ParamSpec } from '../core/models/model-params.ts';
import { UsageError } from './command.ts';
import { printable } from './text-table.ts';

/**
 * `--param name=value` of `workbench train`: one hyperparameter of the
 * chosen model, read as its catalogue entry describes it. Lists are
 * comma-separated (`hiddenLayers=32,32`), a switchable group is `off` or
 * `on` and its members are `group.member` (`earlyStopping.patience=3`), a
 * number that may be empty is `none` (`maxDepth=none`).
 *
 * @throws UsageError naming the parameter, what it must be and what the model has
 * @example
 * applyModelParams(defaultModelSpec('mlp'), ['hiddenLayers=32,32', 'earlyStopping=off']);
 */
export function applyModelParams(model: ModelSpec, assignments: readonly string[]): ModelSpec {
  const entry = modelEntry(model.kind);
  const values = structuredClone(model) as unknown as Record<string, unknown>;
  for (const assignment of assignments) {
    const at = assignment.indexOf('=');
    const path = (at < 0 ? assignment : assignment.slice(0, at)).trim().split('.');
    if (at < 0) throw new UsageError(`--param must be name=value (got "${printable(assignment)}").`);
    const text = assignment.slice(at + 1).trim();
    const param = entry.params.find((p) => p.name === path[0]);
    if (!param || (path.length > 1 && (param.type !== 'group' || path.length > 2))) {
      throw new UsageError(
        `${entry.label} has no parameter "${printable(path.join('.'))}". Its parameters: ${paramNames(entry.params).join(', ')}.`,
      );
    }
    if (path.length === 1) values[param.name] = parseValue(param, text);
    else if (param.type === 'group') {
      const member = param.params.find((p) => p.name === path[1]);
      if (!member) {
        throw new UsageError(
          `${entry.label} has no parameter "${printable(path.join('.'))}". Its parameters: ${paramNames(entry.params).join(', ')}.`,
        );
      }
      const group = (values[param.name] as Record<string, unknown> | null) ?? paramDefaults(param.params);
      values[param.name] = { ...group, [member.name]: parseValue(member, text) };
    }
  }
  const problems: string[] = [];
  checkParams(entry.params, values, 'model', problems);
  if (problems.length > 0) throw new UsageError(`--param: ${problems.join('; ').replaceAll('model.', '')}.`);
  return values as unknown as ModelSpec;
}

function parseValue(param: ParamSpec, text: string): unknown {
  const lower = text.toLowerCase();
  switch (param.type) {
    case 'number':
      return param.nullLabel !== undefined && (lower === 'none' || lower === 'null') ? null : toNumber(text);
    case 'choice':
      return param.options.some((o) => o.value === text) || !param.number ? text : toNumber(text);
    case 'boolean':
      return ['true', 'yes', 'on', '1'].includes(lower)
        ? true
        : ['false', 'no', 'off', '0'].includes(lower)
          ? false
          : text;
    case 'list':
      return text.split(',').map(toNumber);
    case 'group':
      if (lower === 'off' || lower === 'none' || lower === 'null') return null;
      if (lower === 'on') return paramDefaults(param.params);
      return text;
  }
}

/** A number, or the text itself (so the range check names what was typed). */
function toNumber(text: string): number | string {
  return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

function paramNames(params: readonly ParamSpec[]): string[] {
  return params.flatMap((p) =>
    p.type === 'group' ? [p.name, ...p.params.map((m) => `${p.name}.${m.name}`)] : [p.name],
  );
}

/**
 * The `--model` and `--param` part of `workbench train --help`, drawn from
 * the catalogue: each kind, its tasks, and each parameter with its default
 * and range.
 */
export function modelHelp(): string {
  const lines = ['Models (--model <kind>) and their parameters (--param name=value, repeatable):'];
  for (const entry of MODEL_CATALOGUE) {
    lines.push(`  ${entry.kind.padEnd(10)} ${entry.label} (${entry.tasks.join(', ')})`);
    for (const param of entry.params) lines.push(...describeParam(param, ''));
  }
  return lines.join('\n');
}

function describeParam(param: ParamSpec, prefix: string): string[] {
  const name = `${prefix}${param.name}`;
  const line = (text: string) => `             ${name}=${text}`;
  switch (param.type) {
    case 'number':
      return [
        line(
          `${param.default ?? 'none'}  ${describeRange(param)}${param.nullLabel ? `, or none (${param.nullLabel})` : ''}`,
        ),
      ];
    case 'choice':
      return [
        line(
          `${param.default}  ${param.options.map((o) => o.value).join(' | ')}${param.number ? ` | ${describeRange(param.number)}` : ''}`,
        ),
      ];
    case 'boolean':
      return [line(`${param.default}  true | false`)];
    case 'list':
      return [
        line(
          `${param.default.join(',')}  ${param.minLength}–${param.maxLength} comma-separated, each ${describeRange(param.item)}`,
        ),
      ];
    case 'group':
      return [
        line(`${param.enabled ? 'on' : 'off'}  on | off`),
        ...param.params.flatMap((p) => describeParam(p, `${name}.`)),
      ];
  }
}
