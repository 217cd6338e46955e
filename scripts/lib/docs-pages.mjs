// The user documentation's pages and the YAML examples in them: one list for the metadata lint
// (scripts/lint-metadata.mjs) and for the unit tests that hold the pages to action.yml.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

/** The pages, relative to the repository root: README.md, docs/*.md and the pages beside them. */
export function docPages(root) {
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  const beside = ['report/README.md', 'RELEASES.md', 'TROUBLESHOOTING.md', 'CONTRIBUTING.md'];
  return ['README.md', ...docs, ...beside.filter((p) => existsSync(join(root, p)))];
}

/** The line written just before a ```yaml fence whose block is not a workflow, a job or steps. */
export const NOT_A_WORKFLOW = '<!-- yaml: not a workflow -->';

/**
 * The ```yaml blocks of a page: `line` is the 1-based line of the block's first line in the page,
 * `skip` is true when the line before the fence is NOT_A_WORKFLOW.
 */
export function yamlBlocks(text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) break;
    blocks.push({
      line: i + 2,
      body: lines.slice(i + 1, end).join('\n') + '\n',
      skip: lines[i - 1]?.trim() === NOT_A_WORKFLOW,
    });
    i = end;
  }
  return blocks;
}

const dedent = (body) => {
  const lines = body.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
};
const indent = (body, n) =>
  body
    .split('\n')
    .map((l) => (l.trim() === '' ? l : ' '.repeat(n) + l))
    .join('\n');

const JOB_KEYS = ['runs-on', 'steps', 'uses', 'strategy', 'needs', 'permissions', 'container', 'services'];

/**
 * An example as a whole workflow GitHub would read: `content`, and `header`, how many lines were put
 * before the example's first line. The rule (CONTRIBUTING.md says it too):
 * - a mapping with `jobs` is a workflow; without `on` it gets `on: push`, since an example may show
 *   only the jobs;
 * - a mapping of job keys (`runs-on`, `steps`, …) is one job, put under `jobs.example`;
 * - a list is steps, put in a job `example` on ubuntu-latest;
 * - anything else is an error, unless the page marks it NOT_A_WORKFLOW.
 * Indentation common to every line is removed first (a step is often shown at its depth in a job).
 */
export function asWorkflow(body) {
  const text = dedent(body);
  let value;
  try {
    value = parse(text);
  } catch {
    value = undefined; // the workflow parser reports the YAML error with its line
  }
  if (Array.isArray(value)) {
    const head = ['on: push', 'jobs:', '  example:', '    runs-on: ubuntu-latest', '    steps:'];
    return { content: `${head.join('\n')}\n${indent(text, 6)}`, header: head.length };
  }
  if (
    value &&
    typeof value === 'object' &&
    !('jobs' in value) &&
    Object.keys(value).some((k) => JOB_KEYS.includes(k))
  ) {
    const head = ['on: push', 'jobs:', '  example:'];
    return { content: `${head.join('\n')}\n${indent(text, 4)}`, header: head.length };
  }
  if (value && typeof value === 'object' && 'jobs' in value && !('on' in value)) {
    return { content: `on: push\n${text}`, header: 1 };
  }
  if (value === undefined || (value && typeof value === 'object' && 'jobs' in value)) {
    return { content: text, header: 0 };
  }
  return {
    error: `is not a workflow, a job or a list of steps; write ${NOT_A_WORKFLOW} before its fence if it is meant as something else`,
  };
}

/** Every YAML example of every page: { page, line, body, skip }. */
export function docExamples(root) {
  return docPages(root).flatMap((page) =>
    yamlBlocks(readFileSync(join(root, page), 'utf8')).map((b) => ({ page, ...b })),
  );
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a `-`. */
export function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a page's headings; a repeated heading gets `-1`, `-2`, … as on GitHub. */
export function anchors(text) {
  const seen = new Map();
  const out = new Set();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** The relative links of a page outside code: { line, target } (`[text](target)` and images). */
export function relativeLinks(text) {
  const links = [];
  let fenced = false;
  text.split('\n').forEach((line, i) => {
    if (/^```/.test(line)) fenced = !fenced;
    if (fenced) return;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(m[1])) links.push({ line: i + 1, target: m[1] });
    }
  });
  return links;
}

/** Every relative link of the pages that names no file, or a heading its page does not have. */
export function brokenLinks(root) {
  const broken = [];
  for (const page of docPages(root)) {
    const text = readFileSync(join(root, page), 'utf8');
    for (const { line, target } of relativeLinks(text)) {
      const [path, anchor] = target.split('#');
      const file = path === '' ? page : join(dirname(page), decodeURIComponent(path));
      const where = `${page}:${line}: ${target}`;
      if (!existsSync(join(root, file))) {
        broken.push(`${where}: no file ${file}`);
        continue;
      }
      if (
        anchor !== undefined &&
        file.endsWith('.md') &&
        !anchors(readFileSync(join(root, file), 'utf8')).has(anchor)
      ) {
        broken.push(`${where}: ${file} has no heading #${anchor}`);
      }
    }
  }
  return broken;
}
