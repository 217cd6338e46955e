// Checks the action's metadata and the documentation's examples with GitHub's own schema, the one
// the runner and the workflow editor use (@actions/workflow-parser, from actions/languageservices):
// action.yml and report/action.yml against its action template, and every ```yaml example of the
// pages (scripts/lib/docs-pages.mjs) as a workflow. Exits 1 on any finding.
//   node scripts/lint-metadata.mjs [--root DIR]
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { resolve } from 'node:path';
import { asWorkflow, docExamples } from './lib/docs-pages.mjs';

// The parser's modules import its JSON schemas without `with { type: 'json' }` (they are built for
// bundlers); Node refuses that, so a load hook adds the attribute before the parser is loaded.
register('./lib/json-modules-hooks.mjs', import.meta.url);
const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('@actions/workflow-parser');
const { parseAction, convertActionTemplate } = await import('@actions/workflow-parser/actions/index');

const at = process.argv.indexOf('--root');
const root = resolve(at > 0 ? process.argv[at + 1] : new URL('..', import.meta.url).pathname);

/** `file:line:column: message` for each error, with lines moved by `shift` (negative allowed). */
const findings = (context, file, shift = 0) =>
  context.errors.getErrors().map((e) => {
    const start = e.range?.start;
    const where = start ? `${start.line + shift}:${start.column}` : `${1 + shift}:1`;
    return `${file}:${where}: ${e.rawMessage}`;
  });

const problems = [];
for (const file of ['action.yml', 'report/action.yml']) {
  const result = parseAction(
    { name: file, content: readFileSync(resolve(root, file), 'utf8') },
    new NoOperationTraceWriter(),
  );
  if (result.value !== undefined && result.context.errors.count === 0)
    convertActionTemplate(result.context, result.value);
  problems.push(...findings(result.context, file));
}

const examples = docExamples(root);
let checked = 0;
for (const { page, line, body, skip } of examples) {
  if (skip) continue;
  const wf = asWorkflow(body);
  if (wf.error) {
    problems.push(`${page}:${line}:1: the example ${wf.error}`);
    continue;
  }
  const name = `${page}:${line}`;
  const result = parseWorkflow({ name, content: wf.content }, new NoOperationTraceWriter());
  // The converter checks what the schema cannot: job ids, `needs` that name a job, matrix shapes.
  if (result.value !== undefined && result.context.errors.count === 0) {
    await convertWorkflowTemplate(result.context, result.value);
  }
  // Lines of the wrapped example are moved back to the page's lines.
  problems.push(...findings(result.context, page, line - 1 - wf.header));
  checked++;
}

for (const p of problems) console.log(p);
console.log(`lint-metadata: 2 action.yml files, ${checked} example workflow(s), ${problems.length} finding(s)`);
process.exit(problems.length > 0 ? 1 : 0);
