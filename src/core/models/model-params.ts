/**
 * How a model kind describes its hyperparameters, as data: the Train form
 * draws its fields from it, spec validation checks ranges against it, and
 * the CLI prints it. Nested shapes (a list of layer sizes, a switchable
 * group such as early stopping) are described generically, so a new kind
 * needs no new form or validator code.
 */

/** A numeric range. Exclusive ends are for values like a learning rate that must be above 0. */
export interface NumberRange {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** The form's step; 'any' for rates and strengths spanning decades. */
  step: number | 'any';
}

interface ParamBase {
  /** The key in the spec, e.g. `learningRate`. */
  name: string;
  /** Short label for the form, e.g. `Learning rate`. */
  label: string;
  /** One sentence on what it does and which way to move it. */
  help: string;
}

/** A number; with `nullLabel`, null is allowed and means that (e.g. "no limit"). */
export interface NumberParam extends ParamBase, NumberRange {
  type: 'number';
  default: number | null;
  nullLabel?: string;
}

/** One of named options, or (with `number`) a number in a range instead. */
export interface ChoiceParam extends ParamBase {
  type: 'choice';
  options: readonly { value: string; label: string }[];
  default: string | number;
  number?: NumberRange & { label: string };
}

export interface BooleanParam extends ParamBase {
  type: 'boolean';
  default: boolean;
}

/** A list of numbers, e.g. the sizes of an MLP's hidden layers. */
export interface ListParam extends ParamBase {
  type: 'list';
  item: NumberRange;
  minLength: number;
  maxLength: number;
  default: readonly number[];
}

/** Parameters that belong together and can be switched off as a whole (the value is then null). */
export interface GroupParam extends ParamBase {
  type: 'group';
  params: readonly ParamSpec[];
  /** Whether the group is on (an object) or off (null) by default. */
  enabled: boolean;
}

export type ParamSpec = NumberParam | ChoiceParam | BooleanParam | ListParam | GroupParam;

/** The value a parameter starts with. */
export function paramDefault(param: ParamSpec): unknown {
  switch (param.type) {
    case 'list':
      return [...param.default];
    case 'group':
      return param.enabled ? paramDefaults(param.params) : null;
    default:
      return param.default;
  }
}

/** Every parameter's default, in the order they are described. */
export function paramDefaults(params: readonly ParamSpec[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const p of params) values[p.name] = paramDefault(p);
  return values;
}

/**
 * The range as words, for messages and help.
 *
 * @example
 * describeRange({ min: 0, max: 1, integer: false, minExclusive: true, step: 'any' }); // 'a number greater than 0 and at most 1'
 */
export function describeRange(range: NumberRange): string {
  if (range.integer) return `a whole number from ${range.min} to ${range.max}`;
  const low = `${range.minExclusive ? 'greater than' : 'at least'} ${range.min}`;
  const high = `${range.maxExclusive ? 'less than' : 'at most'} ${range.max}`;
  return `a number ${low} and ${high}`;
}

/** Whether `value` is a number inside `range`. */
export function inRange(value: unknown, range: NumberRange): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (range.integer && !Number.isInteger(value)) return false;
  if (range.minExclusive ? value <= range.min : value < range.min) return false;
  return range.maxExclusive ? value < range.max : value <= range.max;
}
