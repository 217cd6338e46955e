// The command: parse → validate (exit 2 before anything is spawned) → run the verb → print the
// results (a summary, or --json) → the exit status: 0 passed, 1 the conversion or the boot failed,
// 2 bad usage, 130 interrupted (128 + SIGINT, as a shell reports it).
import { Outputs } from '../action/outputs.js';
import { checkJsOutput, checkWasiOutput } from '../c2w/convert.js';
import { classifyFailure } from '../c2w/failures.js';
import { bootSeries } from '../pipeline/attempt.js';
import { ClassifiedError, failureOf } from '../report/record.js';
import { Console } from './console.js';
import { convertCommand } from './convert-command.js';
import { asksForJson, parseCommand, UsageError, type ParsedCommand } from './flags.js';
import { helpText } from './help.js';
import { handleInterrupts, InterruptedError, UNWIND_MS } from './interrupt.js';
import { redact } from '../lib/redact.js';
import { exitWhenFlushed } from '../lib/workflow-log.js';
import { defaultBuildCacheDir } from './paths.js';
import type { RunStage } from '../pipeline/sink.js';
import { renderJson, renderSummary, type Results } from './results.js';
import { ConsoleSink } from './sink.js';
import { siteArgs, siteCommand } from './site-command.js';
import { convertInputs, smokeInputs } from './validate.js';

export const EXIT = { passed: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export async function cliMain(argv: readonly string[]): Promise<number> {
  let cmd: ParsedCommand;
  let work: (sink: ConsoleSink) => Promise<void>;
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
      work = (sink) => convertCommand(inputs, options, sink);
    } else if (cmd.verb === 'site') {
      const args = siteArgs(cmd);
      work = (sink) => siteCommand(args, sink);
    } else {
      const inputs = smokeInputs(cmd);
      work = async (sink) => {
        // What is booted, as the conversion reports what it built.
        const output = inputs.target === 'js' ? await checkJsOutput(inputs.path) : await checkWasiOutput(inputs.path);
        sink.fact(Outputs.WasmPath, inputs.path);
        sink.fact(Outputs.WasmSize, output.size);
        sink.fact(Outputs.Sha256, output.sha256);
        // The allocator the output was built with is known only when given (it names the culprit of a failure).
        if (cmd.get('allocator') !== '') sink.fact(Outputs.Allocator, inputs.allocator);
        sink.stage('smoke');
        const last = await bootSeries({ ...inputs, smoke: true }, inputs.path, sink);
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
    if (asksForJson(argv)) process.stdout.write(renderJson({}, e.message));
    return EXIT.usage;
  }

  // Run inside a workflow step, @actions/core would write the step's command files (core.addPath
  // appends to $GITHUB_PATH): the command talks to a person, never to a runner.
  for (const name of ['GITHUB_PATH', 'GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    delete process.env[name];
  }
  // Progress goes to stdout, or to stderr when stdout carries the JSON.
  const stream = cmd.options.json ? process.stderr : process.stdout;
  const out = new Console({ stream, verbose: cmd.options.verbose, live: stream.isTTY === true });
  // Filled in below; the interrupt's last resort prints what it holds so far.
  let facts: Results = {};
  let stage: RunStage = 'install';
  const finish = (error: Error | undefined): number => {
    // A failure carries its class, as the action's cell record does (failure.class).
    const failure =
      error && !(error instanceof InterruptedError) ? failureOf(stage, error, classifyFailure) : undefined;
    const failed = error ? { message: error.message, ...(failure ? { class: failure.class } : {}) } : undefined;
    if (cmd.options.json) process.stdout.write(redact(renderJson(facts, failed)));
    else {
      out.print('');
      process.stdout.write(redact(renderSummary(facts, failed)));
    }
    if (error === undefined) return EXIT.passed;
    return error instanceof InterruptedError ? EXIT.interrupted : EXIT.failed;
  };
  const interrupt = handleInterrupts(
    (count) =>
      out.warn(
        count === 1
          ? `Interrupted: ending the children (Ctrl-C again, or ${UNWIND_MS / 1000} s, ends the command).`
          : 'Killing the children and ending the command.',
      ),
    // The pipeline did not unwind (or a second Ctrl-C came): the results so far, and the exit.
    () => {
      out.release();
      stage = sink.facts.stage;
      const code = finish(new InterruptedError());
      void exitWhenFlushed(code, 2000);
    },
  );
  const sink = new ConsoleSink(out, cmd.options.verbose, interrupt);
  facts = sink.facts.values;
  let error: Error | undefined;
  out.capture();
  try {
    await work(sink);
  } catch (e) {
    error = interrupt.interrupted ? new InterruptedError() : (e as Error);
  } finally {
    out.release();
    interrupt.dispose();
  }
  stage = sink.facts.stage;
  return finish(error);
}
