// What the stage modules print through @actions/core is the runner's workflow-command protocol
// (actions/toolkit packages/core/src/command.ts): `::name key=value,…::message` lines on stdout, with
// `%`, `\r`, `\n` in the message escaped as %25, %0D, %0A; `::stop-commands::TOKEN` … `::TOKEN::`
// around output that must not be read as commands; and @actions/exec's `[command]<argv>` echo line.
// This reads one line of it, so the command can show it to a person instead. Pure.

export type Line =
  | { kind: 'group'; title: string }
  | { kind: 'endgroup' }
  | { kind: 'debug'; text: string }
  | { kind: 'warning' | 'error' | 'notice'; text: string }
  /** A command with no meaning at a terminal (add-mask, add-path, set-output, save-state, …). */
  | { kind: 'hidden' }
  | { kind: 'stop-commands'; token: string }
  /** @actions/exec's echo of the command it runs. */
  | { kind: 'command'; text: string }
  | { kind: 'text'; text: string };

const COMMAND = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/;

const unescape = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

export function readLine(line: string): Line {
  if (line.startsWith('[command]')) return { kind: 'command', text: line.slice('[command]'.length) };
  const m = COMMAND.exec(line);
  if (!m) return { kind: 'text', text: line };
  const [, name, message] = m as unknown as [string, string, string];
  switch (name) {
    case 'group':
      return { kind: 'group', title: unescape(message) };
    case 'endgroup':
      return { kind: 'endgroup' };
    case 'debug':
      return { kind: 'debug', text: unescape(message) };
    case 'warning':
    case 'error':
    case 'notice':
      return { kind: name, text: unescape(message) };
    case 'stop-commands':
      return { kind: 'stop-commands', token: message };
    default:
      return { kind: 'hidden' };
  }
}
