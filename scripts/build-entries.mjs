// Writes the entries beside the one bundle (dist/index.js), which dispatches on the name of the
// file Node started: dist/report.js for the report action (report/action.yml: main: ../dist/report.js)
// and dist/c2w-action.js for the command (package.json `bin`).
import { chmodSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
writeFileSync(
  new URL('report.js', dist),
  "// The report action's entry: the same bundle as the main action (see src/index.ts).\nimport './index.js';\n",
);
const cli = new URL('c2w-action.js', dist);
writeFileSync(
  cli,
  "#!/usr/bin/env node\n// The c2w-action command's entry: the same bundle (see src/index.ts).\nimport './index.js';\n",
);
chmodSync(cli, 0o755);
