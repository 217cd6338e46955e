// From the command line to the action's typed inputs: the same `parseInputs` the action runs, fed
// from the flags, and the checks the action makes before it spawns anything (getInputs: the custom
// Dockerfile is a regular file, config/host-checks.ts; the site is a folder of its own in the current
// directory, site/folder.ts; the smoke command fits c2w's 1024-byte budget). Every message names the flag.
import { statSync } from 'node:fs';
import { InputError, parseInputs, registerSecrets } from '../config/inputs.js';
import { checkDockerfile, checkNoDanglingLink } from '../config/host-checks.js';
import { checkEnvBudget } from '../c2w/boot-info.js';
import { checkSitePlace, currentDirRoot } from '../site/folder.js';
import type { Inputs } from '../config/types.js';
import { UsageError, type ParsedCommand } from './flags.js';

/** parseInputs with `image` and overrides; an InputError becomes a UsageError naming the flag. */
export function inputsOf(cmd: ParsedCommand, image: string, overrides: Record<string, string> = {}): Inputs {
  const get = (name: string): string => (name === 'image' ? image : (overrides[name] ?? cmd.get(name)));
  try {
    const inputs = parseInputs(get);
    // The token, a password in the download URL, build-arg and smoke-env values: never printed.
    registerSecrets(inputs);
    // No workspace on the command line: a Dockerfile anywhere will do, as long as it is one.
    if (inputs.dockerfile !== undefined) checkDockerfile(inputs.dockerfile);
    checkNoDanglingLink(inputs.output);
    // The command's workspace is its current directory: the site must be a folder of its own there.
    if (inputs.site !== undefined) checkSitePlace(inputs.site, inputs.output, currentDirRoot());
    if (inputs.smoke && inputs.target === 'wasi') {
      const budget = checkEnvBudget(inputs.smokeCommand, inputs.smokeEnv);
      if (!budget.ok) throw new InputError(budget.overflowing[0] ?? 'smoke-command', `is too long: ${budget.message}`);
    }
    return inputs;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const detail = e.message.replace(/^Input '[^']*' /, '');
    throw new UsageError(`${cmd.flagOf(e.input)} ${detail}`);
  }
}

/** `convert IMAGE [flags] [-- COMMAND...]`. */
export function convertInputs(cmd: ParsedCommand): Inputs {
  if (cmd.positionals.length !== 1) {
    throw new UsageError(
      cmd.positionals.length === 0
        ? 'convert needs an IMAGE, e.g. c2w-action convert alpine:3.20'
        : `convert takes one IMAGE; got ${cmd.positionals.join(' ')} (put the smoke command after --)`,
    );
  }
  const inputs = inputsOf(cmd, cmd.positionals[0]!);
  if (inputs.cache === 'gha') {
    throw new UsageError(
      "--cache gha is GitHub's cache service, which exists only in a workflow: use local, registry or none",
    );
  }
  if (cmd.options.c2w !== undefined) {
    if (cmd.get('c2w-version') !== '') throw new UsageError('give --c2w PATH or --c2w-version, not both');
    let file = false;
    try {
      file = statSync(cmd.options.c2w).isFile();
    } catch {
      // reported below
    }
    if (!file) throw new UsageError(`--c2w names '${cmd.options.c2w}', which is not a file`);
  }
  return inputs;
}

/** `smoke PATH [-- COMMAND...]`: the target follows PATH (a directory is a js output) unless --target says. */
export function smokeInputs(cmd: ParsedCommand): Inputs & { path: string } {
  if (cmd.positionals.length !== 1) {
    throw new UsageError('smoke needs one PATH: a .wasm file (wasi) or a js output directory');
  }
  const file = cmd.positionals[0]!;
  let isDir: boolean;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    throw new UsageError(`PATH '${file}' does not exist`);
  }
  const target = cmd.get('target') || (isDir ? 'js' : 'wasi');
  // The image is not booted from a registry here; parseInputs needs one to validate the rest.
  const inputs = inputsOf(cmd, 'scratch', {
    target,
    ...(cmd.rest.length > 0 ? { 'smoke-command': cmd.rest.join('\n') } : {}),
  });
  if ((inputs.target === 'js') !== isDir) {
    throw new UsageError(
      `--target ${inputs.target} needs ${inputs.target === 'js' ? 'a directory' : 'a .wasm file'}; '${file}' is ${isDir ? 'a directory' : 'a file'}`,
    );
  }
  return { ...inputs, path: file };
}
