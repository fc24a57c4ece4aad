/**
 * A small JSON-schema walker. Problems are collected as `<Kind>: #/<json pointer>`, the form of the
 * captured ATOL answer "Ошибочные поля : PatternMismatch: #/login" (docs/atol-protocol.md#tokens); the kind names
 * are those of the .NET validator that answer comes from (PropertyRequired, StringTooLong, …).
 */
export interface Issue {
  kind: string;
  path: string;
}

export type Check<T> = (checker: Checker, value: unknown, path: string) => T | undefined;
export type Json = Record<string, unknown>;

export class Checker {
  readonly issues: Issue[] = [];

  add(kind: string, path: string): undefined {
    this.issues.push({ kind, path });
    return undefined;
  }

  /** Reads obj[key]: absent/null → PropertyRequired when required, else undefined; present → the check. */
  prop<T>(obj: Json, key: string, base: string, check: Check<T>, required = false): T | undefined {
    const value = obj[key];
    const path = `${base}/${key}`;
    if (value === undefined || value === null) return required ? this.add('PropertyRequired', path) : undefined;
    return check(this, value, path);
  }
}

/** "Ошибочные поля : …" text of code 32. */
export function describeIssues(issues: Issue[]): string {
  return issues.map((issue) => `${issue.kind}: #${issue.path}`).join(', ');
}

export const object: Check<Json> = (c, value, path) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : c.add('ObjectExpected', path);

export const boolean: Check<boolean> = (c, value, path) => (typeof value === 'boolean' ? value : c.add('BooleanExpected', path));

export function string(rules: { min?: number; max?: number; pattern?: RegExp } = {}): Check<string> {
  return (c, value, path) => {
    if (typeof value !== 'string') return c.add('StringExpected', path);
    if (rules.min !== undefined && value.length < rules.min) return c.add('StringTooShort', path);
    if (rules.max !== undefined && value.length > rules.max) return c.add('StringTooLong', path);
    if (rules.pattern && !rules.pattern.test(value)) return c.add('PatternMismatch', path);
    return value;
  };
}

export function number(rules: { min?: number; max?: number; exclusiveMin?: boolean; decimals?: number } = {}): Check<number> {
  return (c, value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return c.add('NumberExpected', path);
    if (rules.min !== undefined && (rules.exclusiveMin ? value <= rules.min : value < rules.min)) return c.add('NumberTooSmall', path);
    if (rules.max !== undefined && value > rules.max) return c.add('NumberTooBig', path);
    if (rules.decimals !== undefined) {
      const factor = 10 ** rules.decimals;
      // Absolute slack far below one unit: absorbs binary noise (0.29 × 100), not a real extra decimal.
      if (Math.abs(Math.round(value * factor) - value * factor) > 1e-3) return c.add('NumberNotMultipleOf', path);
    }
    return value;
  };
}

/** v5 sends `measure` and `payment_object` as integers; v4's strings ("service") fail here. */
export function integer(rules: { min?: number; max?: number; oneOf?: readonly number[] } = {}): Check<number> {
  return (c, value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return c.add('IntegerExpected', path);
    if (rules.min !== undefined && value < rules.min) return c.add('NumberTooSmall', path);
    if (rules.max !== undefined && value > rules.max) return c.add('NumberTooBig', path);
    if (rules.oneOf && !rules.oneOf.includes(value)) return c.add('NotInEnumeration', path);
    return value;
  };
}

export function oneOf(values: readonly string[]): Check<string> {
  return (c, value, path) => {
    if (typeof value !== 'string') return c.add('StringExpected', path);
    return values.includes(value) ? value : c.add('NotInEnumeration', path);
  };
}

export function array(rules: { min: number; max: number }): Check<unknown[]> {
  return (c, value, path) => {
    if (!Array.isArray(value)) return c.add('ArrayExpected', path);
    if (value.length < rules.min) return c.add('TooFewItems', path);
    if (value.length > rules.max) return c.add('TooManyItems', path);
    return value;
  };
}

/** Each element of an array through `check`, keeping the index (undefined where it failed). */
export function each<T>(c: Checker, values: unknown[] | undefined, path: string, check: Check<T>): (T | undefined)[] {
  return (values ?? []).map((value, index) => check(c, value, `${path}/${index}`));
}
