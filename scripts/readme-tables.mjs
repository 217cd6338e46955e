// Writes the inputs and outputs tables of README.md (from action.yml) and of report/README.md (from
// report/action.yml), or (with --check) fails when a page's tables differ from its action.yml. The
// action.yml files are the source.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('../', import.meta.url);
const load = (file) => parse(readFileSync(new URL(file, root), 'utf8'));
/** Each page with tables, and the action.yml they are written from. */
export const PAGES = { 'README.md': 'action.yml', 'report/README.md': 'report/action.yml' };
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, '<br>').trim();
const code = (text) => (text === '' ? '' : `\`${cell(text).replace(/<br>/g, '` `')}\``);

export function inputsTable(action = load('action.yml')) {
  const rows = Object.entries(action.inputs).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${code(String(spec.default ?? '').trim())} | ${cell(spec.description)} |`,
  );
  return ['| input | required | default | description |', '|---|---|---|---|', ...rows].join('\n');
}

export function outputsTable(action = load('action.yml')) {
  const rows = Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`);
  return ['| output | description |', '|---|---|', ...rows].join('\n');
}

const START = (what, source) => `<!-- ${what}:start (generated from ${source} by scripts/readme-tables.mjs) -->`;
const END = (what) => `<!-- ${what}:end -->`;

/** The page's text with its tables written from its action.yml (README.md's by default). */
export function render(text, page = 'README.md') {
  const source = PAGES[page];
  if (source === undefined) throw new Error(`${page} has no tables`);
  const action = load(source);
  let next = text;
  for (const [what, table] of [
    ['inputs', inputsTable(action)],
    ['outputs', outputsTable(action)],
  ]) {
    const re = new RegExp(`${START(what, source).replace(/[()]/g, '\\$&')}[\\s\\S]*?${END(what)}`);
    if (!re.test(next)) throw new Error(`${page} has no ${what} table markers`);
    // A function, not a string: a `$` in a default value must not be read as a replacement pattern.
    next = next.replace(re, () => `${START(what, source)}\n${table}\n${END(what)}`);
  }
  return next;
}

if (process.argv[1] && new URL(`file://${process.argv[1]}`).href === import.meta.url) {
  let stale = false;
  for (const page of Object.keys(PAGES)) {
    const file = new URL(page, root);
    const text = readFileSync(file, 'utf8');
    const next = render(text, page);
    if (next === text) continue;
    if (process.argv.includes('--check')) {
      console.error(`${page} inputs/outputs tables differ from ${PAGES[page]}: run node scripts/readme-tables.mjs`);
      stale = true;
    } else {
      writeFileSync(file, next);
    }
  }
  if (stale) process.exit(1);
}
