// The action's Log (lib/log.ts): the runner's workflow commands through @actions/core, and a child
// process's output streamed to the job log as it comes (@actions/exec's `[command]` echo line
// first, as the runner's log viewer shows it), between stop-commands where the action does not
// control it.
import * as core from '@actions/core';
import type { Log } from '../lib/log.js';
import { withoutWorkflowCommands } from '../lib/workflow-log.js';

export const actionLog: Log = {
  info: (text) => core.info(text),
  warning: (text) => core.warning(text),
  error: (text) => core.error(text),
  notice: (text) => core.notice(text),
  debug: (text) => core.debug(text),
  group: (title, work) => core.group(title, work),
  mask: (secret) => core.setSecret(secret),
  command: (line) => void process.stdout.write(`[command]${line}\n`),
  output: (chunk) => void process.stdout.write(chunk),
  untrusted: (work) => withoutWorkflowCommands(work),
};
