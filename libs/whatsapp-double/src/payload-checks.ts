import { parameterError, type ParameterErrorCode } from './graph-error';
import type { GraphErrorSpec } from './types';

/** Undefined when the part is valid; otherwise the error Meta answers for it. */
export type Problem = GraphErrorSpec | undefined;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Meta counts characters, not UTF-16 units: an emoji is one. */
const charCount = (text: string) => [...text].length;

/** The first problem of a list of checks run in order, as Meta reports one problem per answer. */
export function firstProblem(...checks: (() => Problem)[]): Problem {
  for (const check of checks) {
    const problem = check();
    if (problem) return problem;
  }
  return undefined;
}

/**
 * A string parameter: missing is 131008, not a string is 100, blank or longer than `max` is `limitCode`
 * (131009 for the interactive parts, 100 for a text body, as Meta answers them).
 */
export function checkText(value: unknown, name: string, opts: { max: number; required: boolean; limitCode?: ParameterErrorCode }): Problem {
  if (value === undefined || value === null) {
    return opts.required ? parameterError(131008, `Parameter ${name} is required.`) : undefined;
  }
  if (typeof value !== 'string') return parameterError(100, `Param ${name} must be a string.`);
  const code = opts.limitCode ?? 131009;
  if (value.trim() === '') return parameterError(code, `Param ${name} must be non-empty. Min length: 1, Max length: ${opts.max}.`);
  if (charCount(value) > opts.max) {
    return parameterError(code, `Param ${name} must be at most ${opts.max} characters long. Min length: 1, Max length: ${opts.max}.`);
  }
  return undefined;
}

/** A required object parameter: missing is 131008, anything but an object is 100. */
export function checkObject(value: unknown, name: string): Problem {
  if (value === undefined || value === null) return parameterError(131008, `Parameter ${name} is required.`);
  if (!isObject(value)) return parameterError(100, `Param ${name} must be an object.`);
  return undefined;
}

/** A required array parameter with a count between `min` and `max` (131009 outside). */
export function checkArray(value: unknown, name: string, min: number, max: number, label = 'items'): Problem {
  if (value === undefined || value === null) return parameterError(131008, `Parameter ${name} is required.`);
  if (!Array.isArray(value)) return parameterError(100, `Param ${name} must be an array.`);
  if (value.length < min || value.length > max) {
    return parameterError(131009, `Invalid ${label} count. Min allowed ${label}: ${min}, Max allowed ${label}: ${max}.`);
  }
  return undefined;
}

/** Ids must be unique within one message (buttons, or every row of a list). */
export function checkUnique(ids: unknown[], what: string): Problem {
  return new Set(ids).size === ids.length ? undefined : parameterError(131009, `${what} must be unique within the message.`);
}
