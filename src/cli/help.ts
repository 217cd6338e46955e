// --help: the verbs, every flag with the action input it stands for, what is GitHub-only.
import { COMMAND_FLAGS, FLAGS, GITHUB_ONLY } from './flags.js';

const row = (flag: string, arg: string | undefined, help: string): string =>
  `  --${flag}${arg ? ` ${arg}` : ''}`.padEnd(34) + help;

export function helpText(verb: 'convert' | 'smoke' | 'site' | 'help'): string {
  const usage = [
    'c2w-action: convert a container image to WebAssembly with container2wasm (c2w), as the GitHub',
    'Action does, on this machine: a pinned and checksum-verified c2w, the allocator patch, a build',
    'cache in a local folder, the conversion and the smoke boot. Publishing (artifacts, releases) is',
    'not part of the command: it exists only in a workflow.',
    '',
    'Usage:',
    '  c2w-action convert IMAGE [flags] [-- SMOKE COMMAND...]',
    '  c2w-action smoke PATH [flags] [-- COMMAND...]   boot a .wasm file or a js output directory',
    '  c2w-action site PATH DIR [--target wasi|js]     write a web site that boots PATH in a terminal',
    '',
    'DIR (site, --site) is a new or empty folder below the current directory, or a site written',
    'there before (its .c2w-site marker): it is emptied before the site is written.',
  ];
  const convertFlags = [
    'Flags of convert (named like the inputs of action.yml):',
    ...FLAGS.map((f) => row(f.flag, f.arg, f.help)),
  ];
  const smokeFlags = [
    'Flags of smoke (as for convert; the target follows PATH):',
    ...FLAGS.filter((f) => f.smoke).map((f) => row(f.flag, f.arg, f.help)),
  ];
  const common = [
    'Flags of the command:',
    ...COMMAND_FLAGS.filter((f) => verb === 'convert' || verb === 'help' || !['c2w', 'cache-dir'].includes(f.flag)).map(
      (f) => row(f.flag, 'arg' in f ? f.arg : undefined, f.help),
    ),
  ];
  const githubOnly = [
    'Inputs of the action with no flag (GitHub only):',
    ...Object.entries(GITHUB_ONLY).map(([input, why]) => `  ${input}`.padEnd(34) + why),
  ];
  const exit = ['Exit status: 0 passed, 1 the conversion or the smoke boot failed, 2 bad usage, 130 interrupted.'];
  const parts =
    verb === 'smoke'
      ? [usage, smokeFlags, common, exit]
      : verb === 'site'
        ? [
            usage,
            ['Flags of site:', row('target', 'wasi|js', 'the kind of output; default: follows PATH')],
            common,
            exit,
          ]
        : verb === 'convert'
          ? [usage, convertFlags, common, githubOnly, exit]
          : [
              usage,
              convertFlags,
              smokeFlags.slice(0, 1).concat(['  (see c2w-action smoke --help)']),
              common,
              githubOnly,
              exit,
            ];
  return `${parts.map((p) => p.join('\n')).join('\n\n')}\n`;
}
