#!/usr/bin/env node
// The c2w-action command's entry (package.json `bin`). The smoke boot runs the output in a child
// process that is this same file started with `--c2w-smoke-child` (smoke.ts), as the action's
// bundle does.
import { SMOKE_CHILD_FLAG } from '../smoke-protocol.js';

if (process.argv.includes(SMOKE_CHILD_FLAG)) {
  const { smokeChildMain } = await import('../smoke-child.js');
  await smokeChildMain();
} else {
  const { cliMain } = await import('./main.js');
  const code = await cliMain(process.argv.slice(2));
  // A stalled download can keep sockets open; the command is done.
  process.exit(code);
}
