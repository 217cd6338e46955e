// The command's flags and how they map onto the action's inputs. Every input of action.yml is
// either a flag here (named like the input, so `parseInputs` validates it and its message can name
// the flag) or listed in GITHUB_ONLY with the reason it has no meaning outside a workflow; a unit
// test holds this table to action.yml.
import { parseArgs } from 'node:util';
import type { InputGetter } from '../config/inputs.js';

export type FlagKind =
  /** `--flag VALUE`. */
  | 'string'
  /** `--flag VALUE`, repeatable: one line of a multiline input each. */
  | 'list'
  /** `--flag`: the input is `true`. */
  | 'true'
  /** `--flag`: the input is `false` (e.g. `--no-smoke`). */
  | 'false';

export interface FlagSpec {
  flag: string;
  /** The action input the flag sets. */
  input: string;
  kind: FlagKind;
  /** The value's placeholder in --help. */
  arg?: string;
  help: string;
  /** Also taken by `smoke`. */
  smoke?: boolean;
}

/** The flags of `convert` (and, where `smoke` is set, of `smoke`), in --help order. */
export const FLAGS: readonly FlagSpec[] = [
  {
    flag: 'allocator',
    input: 'allocator',
    kind: 'string',
    arg: 'NAME',
    help: 'emscripten allocator (-sMALLOC=); default emmalloc',
    smoke: true,
  },
  {
    flag: 'target',
    input: 'target',
    kind: 'string',
    arg: 'wasi|js',
    help: 'wasi (one .wasm) or js (a directory); default wasi',
    smoke: true,
  },
  {
    flag: 'target-arch',
    input: 'target-arch',
    kind: 'string',
    arg: 'ARCH',
    help: 'architecture of the source image; default amd64',
  },
  {
    flag: 'output',
    input: 'output',
    kind: 'string',
    arg: 'PATH',
    help: 'where to write the result; default out.wasm (wasi) or out/ (js)',
  },
  {
    flag: 'c2w-version',
    input: 'c2w-version',
    kind: 'string',
    arg: 'TAG',
    help: 'c2w release (v0.8.4), latest, or system (the c2w on PATH)',
  },
  {
    flag: 'c2w-download-url',
    input: 'c2w-download-url',
    kind: 'string',
    arg: 'URL',
    help: 'base URL of c2w release downloads (a mirror)',
  },
  {
    flag: 'dockerfile',
    input: 'dockerfile',
    kind: 'string',
    arg: 'FILE',
    help: "a Dockerfile to build with instead of c2w's own",
  },
  { flag: 'build-arg', input: 'build-args', kind: 'list', arg: 'K=V', help: 'a build argument for c2w (repeatable)' },
  { flag: 'debug-image', input: 'debug-image', kind: 'true', help: 'build a debug image (c2w --debug-image)' },
  {
    flag: 'cache',
    input: 'cache',
    kind: 'string',
    arg: 'MODE',
    help: 'local (the folder --cache-dir), registry (at --cache-ref) or none',
  },
  {
    flag: 'cache-ref',
    input: 'cache-ref',
    kind: 'string',
    arg: 'REF',
    help: 'registry reference for --cache registry',
  },
  {
    flag: 'cache-key',
    input: 'cache-key',
    kind: 'string',
    arg: 'PREFIX',
    help: 'prefix of the cache key; change it to start over',
  },
  { flag: 'builder', input: 'builder', kind: 'string', arg: 'NAME', help: 'an existing buildx builder to use' },
  {
    flag: 'no-cache-save',
    input: 'cache-save',
    kind: 'false',
    help: 'import the cache but never write it (no export, the cache folder or registry left as it is)',
  },
  {
    flag: 'build-retries',
    input: 'build-retries',
    kind: 'string',
    arg: 'N',
    help: 'runs again after transient network trouble (0-10); default 2',
  },
  {
    flag: 'toolchain-cache',
    input: 'toolchain-cache',
    kind: 'string',
    arg: 'REPO',
    help: 'read the published toolchain cache from this registry repository on a miss (or none)',
  },
  {
    flag: 'toolchain-cache-push',
    input: 'toolchain-cache-push',
    kind: 'true',
    help: 'publish the toolchain cache to --toolchain-cache after a passing boot',
  },
  {
    flag: 'env-passthrough',
    input: 'env-passthrough',
    kind: 'list',
    arg: 'NAME',
    help: 'a variable docker, buildx and c2w also get (repeatable)',
  },
  { flag: 'no-smoke', input: 'smoke', kind: 'false', help: 'do not boot the output after the conversion' },
  {
    flag: 'smoke-command',
    input: 'smoke-command',
    kind: 'list',
    arg: 'ARG',
    help: 'one argument of the smoke command (repeatable; or the words after --)',
  },
  {
    flag: 'smoke-expect',
    input: 'smoke-expect',
    kind: 'string',
    arg: 'REGEX',
    help: 'what the boot must print (multiline regex)',
    smoke: true,
  },
  {
    flag: 'smoke-timeout',
    input: 'smoke-timeout',
    kind: 'string',
    arg: 'SECONDS',
    help: 'seconds the boot may take (1-3600); default 300',
    smoke: true,
  },
  {
    flag: 'smoke-runs',
    input: 'smoke-runs',
    kind: 'string',
    arg: 'N',
    help: 'boots, each in its own process (1-20); default 1',
    smoke: true,
  },
  {
    flag: 'smoke-env',
    input: 'smoke-env',
    kind: 'list',
    arg: 'K=V',
    help: 'environment of the guest during the boot (repeatable)',
    smoke: true,
  },
  {
    flag: 'runtime',
    input: 'smoke-runtime',
    kind: 'string',
    arg: 'node|browser',
    help: 'where to boot: node, browser (headless Chrome/Chromium), or node,browser; default node',
    smoke: true,
  },
  {
    flag: 'browser',
    input: 'smoke-browser',
    kind: 'string',
    arg: 'PATH',
    help: 'the Chrome/Chromium binary for --runtime browser; default: found',
    smoke: true,
  },
  {
    flag: 'sandbox',
    input: 'smoke-sandbox',
    kind: 'string',
    arg: 'auto|required',
    help: 'the Node boot in namespaces where they can be made (auto), or only there (required); default auto',
    smoke: true,
  },
  {
    flag: 'site',
    input: 'site',
    kind: 'string',
    arg: 'DIR',
    help: 'write a web site that boots the output in a terminal into DIR (deployable to GitHub Pages)',
  },
  {
    flag: 'allocator-fallback',
    input: 'allocator-fallback',
    kind: 'list',
    arg: 'NAME',
    help: 'allocator to rebuild with after an allocator failure (repeatable)',
  },
];

/** Inputs with no flag: what they do exists only inside a GitHub Actions workflow. */
export const GITHUB_ONLY: Readonly<Record<string, string>> = {
  'github-token': "the workflow's token; c2w-version latest is resolved without one (or with GITHUB_TOKEN)",
  'cache-timeout': "bounds the download from GitHub's cache service; the local cache is a folder on this machine",
  'upload-artifact': 'publishing to workflow artifacts',
  'artifact-archive': 'publishing to workflow artifacts',
  'artifact-name': 'publishing to workflow artifacts',
  'retention-days': 'publishing to workflow artifacts',
  'compression-level': 'publishing to workflow artifacts',
  'release-tag': 'publishing to GitHub releases',
  'release-id': 'publishing to GitHub releases',
  'release-create': 'publishing to GitHub releases',
  'release-overwrite': 'publishing to GitHub releases',
  'asset-name': 'publishing to GitHub releases',
  record: "the matrix record uploaded for the report action's artifact",
};

/** Flags of the command itself, not of an input. */
export interface CommandOptions {
  json: boolean;
  verbose: boolean;
  help: boolean;
  /** `--c2w PATH`: this c2w binary instead of an installed release. */
  c2w?: string;
  /** `--cache-dir DIR`: the local build cache folder. */
  cacheDir?: string;
}

export const COMMAND_FLAGS = [
  { flag: 'c2w', arg: 'PATH', help: 'use this c2w binary (no download)' },
  {
    flag: 'cache-dir',
    arg: 'DIR',
    help: 'the local build cache folder; default $XDG_CACHE_HOME/c2w-action/buildx-cache',
  },
  { flag: 'json', help: "print the results as JSON: the action's metadata output (docs/metadata.md)" },
  { flag: 'verbose', help: 'print the raw build and boot logs' },
  { flag: 'help', help: 'this help' },
] as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Whether `argv` asks for --json, read without parsing it (for the error of an argv that does not parse). */
export function asksForJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--json' || a === '--json=true');
}

export interface ParsedCommand {
  verb: 'convert' | 'smoke' | 'site' | 'help';
  /** Positionals before `--`. */
  positionals: string[];
  /** Words after `--`. */
  rest: string[];
  options: CommandOptions;
  /** The inputs as the action would read them ('' when not given). */
  get: InputGetter;
  /** The flag that sets `input`, for messages (`--smoke-runs`), or IMAGE for the image. */
  flagOf(input: string): string;
}

/** Parses `argv` (without node and the script). Throws UsageError naming the flag. Pure. */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  const [first, ...tail] = argv;
  const verb =
    first === 'convert' || first === 'smoke' || first === 'site'
      ? first
      : first === undefined || first === 'help' || first === '--help' || first === '-h'
        ? 'help'
        : undefined;
  if (verb === undefined) throw new UsageError(`unknown command '${first}': use convert, smoke or site (see --help)`);
  const dashdash = tail.indexOf('--');
  const words = dashdash < 0 ? tail : tail.slice(0, dashdash);
  const rest = dashdash < 0 ? [] : tail.slice(dashdash + 1);

  const specs =
    verb === 'smoke'
      ? FLAGS.filter((f) => f.smoke)
      : verb === 'convert'
        ? FLAGS
        : verb === 'site'
          ? FLAGS.filter((f) => f.flag === 'target')
          : [];
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const f of specs) {
    options[f.flag] =
      f.kind === 'list' ? { type: 'string', multiple: true } : { type: f.kind === 'string' ? 'string' : 'boolean' };
  }
  options.json = { type: 'boolean' };
  options.verbose = { type: 'boolean', short: 'v' };
  options.help = { type: 'boolean', short: 'h' };
  if (verb === 'convert') {
    options.c2w = { type: 'string' };
    options['cache-dir'] = { type: 'string' };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: words, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's messages name the flag: "Unknown option '--nope'", "Option '--target <value>' argument missing".
    throw new UsageError(
      `${(e as Error).message.replace(/\. To specify a positional.*$/s, '')} (see c2w-action ${verb} --help)`,
    );
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const raw: Record<string, string> = {};
  if (verb === 'convert' && rest.length > 0) {
    if (values['smoke-command'] !== undefined) {
      throw new UsageError('give the smoke command either after -- or as --smoke-command, not both');
    }
    values['smoke-command'] = rest;
  }
  for (const f of specs) {
    const v = values[f.flag];
    if (v === undefined) continue;
    if (f.kind === 'list') raw[f.input] = (v as string[]).join('\n');
    else if (f.kind === 'string') raw[f.input] = v as string;
    else if (v === true) raw[f.input] = f.kind === 'true' ? 'true' : 'false';
  }
  const str = (name: string): string | undefined => {
    const v = values[name];
    if (v === undefined) return undefined;
    if (v === '') throw new UsageError(`--${name} needs a value`);
    return v as string;
  };
  return {
    verb,
    positionals: parsed.positionals,
    rest,
    options: {
      json: values.json === true,
      verbose: values.verbose === true,
      help: values.help === true || verb === 'help',
      c2w: str('c2w'),
      cacheDir: str('cache-dir'),
    },
    get: (name) => raw[name] ?? '',
    flagOf: (input) => (input === 'image' ? 'IMAGE' : `--${FLAGS.find((f) => f.input === input)?.flag ?? input}`),
  };
}
