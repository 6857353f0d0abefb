import { describeRange, inRange, type ParamSpec } from './model-params.ts';

/**
 * Checks hyperparameters read from JSON against their descriptions and
 * appends one problem per wrong field, naming the field with its path
 * (`model.earlyStopping.validationFraction`), the allowed values and what
 * it got.
 *
 * @example
 * const problems: string[] = [];
 * checkParams(entry.params, { trees: 0 }, 'model', problems);
 * // ['model.trees must be a whole number from 1 to 2000 (got 0)', ...]
 */
export function checkParams(
  params: readonly ParamSpec[],
  value: Record<string, unknown>,
  path: string,
  problems: string[],
): void {
  for (const param of params) checkParam(param, value[param.name], `${path}.${param.name}`, problems);
}

function checkParam(param: ParamSpec, value: unknown, field: string, problems: string[]): void {
  const got = ` (got ${shown(value)})`;
  switch (param.type) {
    case 'number':
      if (value === null && param.nullLabel !== undefined) return;
      if (!inRange(value, param))
        problems.push(
          `${field} must be ${describeRange(param)}${param.nullLabel !== undefined ? ` or null (${param.nullLabel})` : ''}${got}`,
        );
      return;
    case 'choice': {
      if (param.options.some((o) => o.value === value)) return;
      if (param.number && inRange(value, param.number)) return;
      const names = param.options.map((o) => `"${o.value}"`);
      const choices = param.number
        ? `${names.join(', ')} or ${describeRange(param.number)}`
        : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
      problems.push(`${field} must be ${choices}${got}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${field} must be true or false${got}`);
      return;
    case 'list':
      if (
        !Array.isArray(value) ||
        value.length < param.minLength ||
        value.length > param.maxLength ||
        !value.every((v) => inRange(v, param.item))
      ) {
        problems.push(
          `${field} must be a list of ${param.minLength} to ${param.maxLength} entries, each ${describeRange(param.item)}${got}`,
        );
      }
      return;
    case 'group':
      if (value === null) return;
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        problems.push(
          `${field} must be null (off) or an object with ${param.params.map((p) => p.name).join(', ')}${got}`,
        );
        return;
      }
      checkParams(param.params, value as Record<string, unknown>, field, problems);
  }
}

/** The offending value, short: a huge list must not make a huge message. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
