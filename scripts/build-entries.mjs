// Writes dist/report.js, the report action's entry (report/action.yml: main: ../dist/report.js).
// It only imports the one bundle, which dispatches on the name of the file the runner started.
import { writeFileSync } from 'node:fs';

writeFileSync(
  new URL('../dist/report.js', import.meta.url),
  "// The report action's entry: the same bundle as the main action (see src/index.ts).\nimport './index.js';\n",
);
