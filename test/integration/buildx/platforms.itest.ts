// The builder's platforms, asked before the build, through the bundled action. This machine is
// amd64; an arm64 runner is what it cannot be, so a docker CLI in front of the real one stands in
// for an arm64 runner's: every command goes to the real docker, except that `docker buildx
// inspect` shows the `Platforms:` an arm64 node's BuildKit reports (without emulation: arm64 and
// the 32-bit arm it runs itself; after docker/setup-qemu-action: those, then the emulated ones).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDIN_C2W } from '../../harness/c2w-release.js';
import { TEST_IMAGE, withEngine } from '../../harness/engine.js';
import { NODE24, ROOT } from '../../harness/runner.js';
import { useHarness } from '../../harness/use-harness.js';

const h = useHarness({ name: 'platforms' });

const ARM64 = 'linux/arm64, linux/arm/v7, linux/arm/v6';
const ARM64_QEMU = `${ARM64}, linux/amd64, linux/amd64/v2, linux/riscv64, linux/ppc64le, linux/s390x, linux/386`;

/** A folder whose `docker` answers `buildx inspect` with `platforms`; first on the job's PATH. */
function arm64Docker(name: string, platforms: string): string {
  const real = execFileSync('sh', ['-c', 'command -v docker'], { env: { PATH: h.engine.PATH } })
    .toString()
    .trim();
  const dir = path.join(h.dir, name);
  mkdirSync(dir, { recursive: true });
  const script = path.join(dir, 'docker');
  writeFileSync(
    script,
    [
      '#!/bin/bash',
      'if [ "$1" = buildx ] && [ "$2" = inspect ]; then',
      `  out=$(${JSON.stringify(real)} "$@"); rc=$?`,
      `  printf '%s\\n' "$out" | sed 's|^Platforms:.*|Platforms:        ${platforms}|'`,
      '  exit $rc',
      'fi',
      `exec ${JSON.stringify(real)} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return `${dir}:${h.engine.PATH}`;
}

const conversions = (argvLog: string) =>
  existsSync(argvLog)
    ? readFileSync(argvLog, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as string[])
        .filter((argv) => argv.some((a) => a.startsWith('--dockerfile=')))
    : [];

describe('the platforms of the builder', () => {
  it('an arm64 runner without emulation: fails before c2w runs, naming the cause and both fixes', async () => {
    const argvLog = path.join(h.dir, 'argv-arm64.log');
    const r = await h.job(
      { image: TEST_IMAGE, cache: 'none', smoke: 'false', 'upload-artifact': 'false' },
      { env: { PATH: arm64Docker('arm64', ARM64) }, standin: { C2W_STANDIN_ARGV_LOG: argvLog } },
    );
    expect(r.main.exitCode).toBe(1);
    expect(r.main.outputs.error).toMatch(
      /^The builder 'default' cannot build linux\/amd64: it runs linux\/arm64, linux\/arm\/v7, linux\/arm\/v6\. c2w always builds --platform=linux\/amd64/,
    );
    expect(r.main.outputs.error).toContain('docker/setup-qemu-action');
    expect(r.main.outputs.error).toContain('x64 runner');
    expect(conversions(argvLog)).toEqual([]);
    expect(r.main.log).not.toMatch(/buildx args:/);
  });

  it('an arm64 runner with QEMU: warns that the build is emulated, and converts', async () => {
    const argvLog = path.join(h.dir, 'argv-qemu.log');
    const r = await h.job(
      { image: TEST_IMAGE, cache: 'none', smoke: 'false', 'upload-artifact': 'false' },
      { env: { PATH: arm64Docker('arm64-qemu', ARM64_QEMU) }, standin: { C2W_STANDIN_ARGV_LOG: argvLog } },
    );
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toMatch(
      /::warning::The builder 'default' runs on linux\/arm64 and builds linux\/amd64 under emulation \(QEMU\)/,
    );
    expect(conversions(argvLog)).toHaveLength(1);
  });

  it("this machine's engine runs linux/amd64 natively: no warning", async () => {
    const r = await h.job({ image: TEST_IMAGE, cache: 'none', smoke: 'false', 'upload-artifact': 'false' });
    expect(r.main.exitCode, r.main.log).toBe(0);
    expect(r.main.log).toContain("The builder 'default' runs linux/amd64 natively.");
    expect(r.main.log).not.toMatch(/::warning::/);
  });

  it('the command stops the same way before the build', async () => {
    const argvLog = path.join(h.dir, 'argv-cli.log');
    const ran = await promisify(execFile)(
      NODE24,
      [
        path.join(ROOT, 'dist/c2w-action.js'),
        'convert',
        TEST_IMAGE,
        '--c2w',
        STANDIN_C2W,
        '--cache',
        'none',
        '--no-smoke',
      ],
      {
        cwd: h.dir,
        env: { ...withEngine(h.engine), PATH: arm64Docker('arm64-cli', ARM64), C2W_STANDIN_ARGV_LOG: argvLog },
        timeout: 120_000,
      },
    ).then(
      () => ({ code: 0, text: '' }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, text: `${e.stdout}${e.stderr}` }),
    );
    expect(ran.code).not.toBe(0);
    expect(ran.text).toContain("The builder 'default' cannot build linux/amd64: it runs linux/arm64");
    expect(conversions(argvLog)).toEqual([]);
  });
});
