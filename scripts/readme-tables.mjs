// Writes the README's inputs and outputs tables from action.yml and report/action.yml, or (with
// --check) fails when README.md's tables differ from them. The action.yml files are the source.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('../', import.meta.url);
const load = (file) => parse(readFileSync(new URL(file, root), 'utf8'));
const ACTIONS = { '': load('action.yml'), 'report-': load('report/action.yml') };
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, '<br>').trim();
const code = (text) => (text === '' ? '' : `\`${cell(text).replace(/<br>/g, '` `')}\``);

export function inputsTable(action = ACTIONS['']) {
  const rows = Object.entries(action.inputs).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${code(String(spec.default ?? '').trim())} | ${cell(spec.description)} |`,
  );
  return ['| input | required | default | description |', '|---|---|---|---|', ...rows].join('\n');
}

export function outputsTable(action = ACTIONS['']) {
  const rows = Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`);
  return ['| output | description |', '|---|---|', ...rows].join('\n');
}

const START = (what) => `<!-- ${what}:start (generated from action.yml by scripts/readme-tables.mjs) -->`;
const END = (what) => `<!-- ${what}:end -->`;

export function render(readme) {
  let text = readme;
  for (const [what, table] of Object.entries(ACTIONS).flatMap(([prefix, action]) => [
    [`${prefix}inputs`, inputsTable(action)],
    [`${prefix}outputs`, outputsTable(action)],
  ])) {
    const re = new RegExp(`${START(what).replace(/[()]/g, '\\$&')}[\\s\\S]*?${END(what)}`);
    if (!re.test(text)) throw new Error(`README.md has no ${what} table markers`);
    // A function, not a string: a `$` in a default value must not be read as a replacement pattern.
    text = text.replace(re, () => `${START(what)}\n${table}\n${END(what)}`);
  }
  return text;
}

if (process.argv[1] && new URL(`file://${process.argv[1]}`).href === import.meta.url) {
  const file = new URL('README.md', root);
  const readme = readFileSync(file, 'utf8');
  const next = render(readme);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md inputs/outputs tables differ from action.yml: run node scripts/readme-tables.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(file, next);
  }
}
