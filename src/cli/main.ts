// The command: parse → validate (exit 2 before anything is spawned) → run the verb → print the
// results (a summary, or --json) → the exit status: 0 passed, 1 the conversion or the boot failed,
// 2 bad usage, 130 interrupted (128 + SIGINT, as a shell reports it).
import { checkJsOutput, checkWasiOutput } from '../c2w/convert.js';
import { classifyFailure } from '../c2w/failures.js';
import { bootSeries } from '../pipeline/attempt.js';
import { failureOf } from '../record/record.js';
import { ClassifiedError } from '../types/errors.js';
import { newRunResult, type RunResult } from '../types/result.js';
import { Console } from './console.js';
import { convertCommand } from './convert-command.js';
import { asksForJson, parseCommand, UsageError, type ParsedCommand } from './flags.js';
import { helpText } from './help.js';
import { handleInterrupts, InterruptedError, UNWIND_MS } from './interrupt.js';
import { setLog } from '../lib/log.js';
import { redact } from '../lib/redact.js';
import { exitWhenFlushed } from '../lib/workflow-log.js';
import { defaultBuildCacheDir } from './paths.js';
import { renderJson, renderSummary } from './results.js';
import { ConsoleSink } from './sink.js';
import { siteArgs, siteCommand } from './site-command.js';
import { convertInputs, smokeInputs } from './validate.js';

export const EXIT = { passed: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export async function cliMain(argv: readonly string[]): Promise<number> {
  let cmd: ParsedCommand;
  let work: (sink: ConsoleSink, result: RunResult) => Promise<void>;
  try {
    cmd = parseCommand(argv);
    if (cmd.options.help || cmd.verb === 'help') {
      process.stdout.write(helpText(cmd.verb));
      return EXIT.passed;
    }
    if (cmd.verb === 'convert') {
      const inputs = convertInputs(cmd);
      const options = {
        ...(cmd.options.c2w ? { c2w: cmd.options.c2w } : {}),
        cacheDir: cmd.options.cacheDir ?? defaultBuildCacheDir(),
      };
      work = (sink, result) => convertCommand(inputs, options, sink, result);
    } else if (cmd.verb === 'site') {
      const args = siteArgs(cmd);
      work = (sink, result) => siteCommand(args, sink, result);
    } else {
      const inputs = smokeInputs(cmd);
      work = async (sink, result) => {
        // What is booted, as the conversion reports what it built.
        const output = inputs.target === 'js' ? await checkJsOutput(inputs.path) : await checkWasiOutput(inputs.path);
        Object.assign(result.build, { wasmPath: inputs.path, wasmSize: output.size, sha256: output.sha256 });
        // The allocator the output was built with is known only when given (it names the culprit of a failure).
        if (cmd.get('allocator') !== '') result.build.allocator = inputs.allocator;
        result.stage = 'smoke';
        const last = await bootSeries({ ...inputs, smoke: true }, inputs.path, sink, result);
        if (last && last.result !== 'passed') {
          const failure = last.allocatorFailure;
          throw new ClassifiedError(
            `Smoke boot ${last.result}: ${last.message}${failure ? `\n${failure.suggestion}` : ''}`,
            failure ? 'allocator' : `smoke-${last.result}`,
            failure?.line,
          );
        }
      };
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`c2w-action: ${e.message}\n`);
    // A script that asked for JSON reads stdout as JSON, whatever went wrong.
    if (asksForJson(argv)) process.stdout.write(renderJson(newRunResult(), e.message));
    return EXIT.usage;
  }

  // Progress goes to stdout, or to stderr when stdout carries the JSON.
  const stream = cmd.options.json ? process.stderr : process.stdout;
  const out = new Console({ stream, verbose: cmd.options.verbose, live: stream.isTTY === true });
  // Filled in by the run; the interrupt's last resort prints what it holds so far.
  const result = newRunResult();
  const finish = (error: Error | undefined): number => {
    // A failure carries its class, as the action's cell record does (failure.class).
    const failure =
      error && !(error instanceof InterruptedError) ? failureOf(result.stage, error, classifyFailure) : undefined;
    const failed = error ? { message: error.message, ...(failure ? { class: failure.class } : {}) } : undefined;
    if (cmd.options.json) process.stdout.write(redact(renderJson(result, failed)));
    else {
      out.print('');
      process.stdout.write(redact(renderSummary(result, failed)));
    }
    if (error === undefined) return EXIT.passed;
    return error instanceof InterruptedError ? EXIT.interrupted : EXIT.failed;
  };
  const interrupt = handleInterrupts(
    (count) =>
      out.warning(
        count === 1
          ? `Interrupted: ending the children (Ctrl-C again, or ${UNWIND_MS / 1000} s, ends the command).`
          : 'Killing the children and ending the command.',
      ),
    // The pipeline did not unwind (or a second Ctrl-C came): the results so far, and the exit.
    () => {
      out.release();
      const code = finish(new InterruptedError());
      void exitWhenFlushed(code, 2000);
    },
  );
  const sink = new ConsoleSink(out, cmd.options.verbose, interrupt);
  let error: Error | undefined;
  // The stages write to the person at the terminal.
  const restoreLog = setLog(out);
  try {
    await work(sink, result);
  } catch (e) {
    error = interrupt.interrupted ? new InterruptedError() : (e as Error);
  } finally {
    out.release();
    restoreLog();
    interrupt.dispose();
  }
  return finish(error);
}
