// action.yml's defaults, the parser's fallbacks (src/config/inputs.ts) and the command's --help
// are three spellings of one default. The runner passes action.yml's default as the input's value
// when a workflow leaves it out, and the command passes '' for a flag not given: both must come
// out of parseInputs the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FLAGS } from '../../../src/cli/flags.js';
import { parseInputs } from '../../../src/config/inputs.js';
import { CELL_DEFAULTS } from '../../../src/record/expected-cells.js';

type Spec = { required?: boolean; default?: unknown };
const action = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, Spec>;
};
// A required input has no default: give both getters the same value.
const REQUIRED: Record<string, string> = { image: 'alpine:3.20' };
// `${{ … }}` is evaluated by the runner (github.token is the job's token); the command has no such
// value, and the parser takes the token as given, so there is no fallback to compare.
const isExpression = (value: string) => /\$\{\{/.test(value);
const defaults = Object.fromEntries(
  Object.entries(action.inputs)
    .filter(([, spec]) => spec.default !== undefined)
    .map(([name, spec]) => [name, String(spec.default)]),
);

/** A getter for the runner's view: every input at action.yml's default, or '' when it has none. */
const fromActionYml =
  (overrides: Record<string, string> = {}) =>
  (name: string) =>
    overrides[name] ?? REQUIRED[name] ?? (isExpression(defaults[name] ?? '') ? '' : (defaults[name] ?? ''));
/** A getter for the command's view: nothing given. */
const empty =
  (overrides: Record<string, string> = {}) =>
  (name: string) =>
    overrides[name] ?? REQUIRED[name] ?? '';

describe("action.yml's defaults are the parser's fallbacks", () => {
  it('has defaults to compare, and each is a string the runner passes as is', () => {
    expect(Object.keys(defaults).length).toBeGreaterThan(15);
    for (const [name, spec] of Object.entries(action.inputs)) {
      if (spec.default !== undefined) expect(typeof spec.default, name).toBe('string');
    }
  });

  it.each([
    ['wasi', {}],
    ['js', { target: 'js', 'artifact-archive': 'true' }],
  ])('parses the same inputs from action.yml defaults and from nothing (%s)', (_name, overrides) => {
    expect(parseInputs(fromActionYml(overrides))).toEqual(parseInputs(empty(overrides)));
  });

  it.each(Object.keys(defaults).filter((n) => !isExpression(defaults[n]!)))(
    "'%s': its default parses like no value",
    (name) => {
      const withDefault = parseInputs((n) => (n === name ? defaults[name]! : (REQUIRED[n] ?? '')));
      expect(withDefault).toEqual(parseInputs(empty()));
    },
  );

  it('names no input with an expression default but github-token', () => {
    expect(Object.keys(defaults).filter((n) => isExpression(defaults[n]!))).toEqual(['github-token']);
    expect(defaults['github-token']).toBe('${{ github.token }}');
  });

  it("states action.yml's default in the command's --help wherever --help names one", () => {
    let checked = 0;
    for (const spec of FLAGS) {
      const said = /default (\S+?)(?:[;,)]|$)/.exec(spec.help)?.[1];
      if (said === undefined || spec.input === 'output') continue;
      expect(said, `--${spec.flag}`).toBe(defaults[spec.input]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it("names a cell with action.yml's defaults (a refused cell's record, the report's expected cells)", () => {
    for (const [name, value] of Object.entries(CELL_DEFAULTS)) expect(value, name).toBe(defaults[name]);
  });
});
