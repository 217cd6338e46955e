import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNodeVersion, sandboxFlags, stageOutput } from '../../../src/smoke/sandbox.js';

describe('sandboxFlags', () => {
  it.each<[string, 'wasi' | 'js', string[] | RegExp]>([
    ['v24.21.0', 'wasi', ['--permission', '--allow-fs-read=/s', '--allow-wasi', '--no-experimental-sqlite']],
    ['v22.13.0', 'wasi', ['--permission', '--allow-fs-read=/s', '--allow-wasi', '--no-experimental-sqlite']],
    ['v22.4.0', 'wasi', ['--experimental-permission', '--allow-fs-read=/s', '--allow-wasi']],
    ['v20.20.2', 'js', ['--experimental-permission', '--allow-fs-read=/s', '--allow-worker']],
    ['v24.21.0', 'js', ['--permission', '--allow-fs-read=/s', '--allow-worker', '--no-experimental-sqlite']],
    ['v20.20.2', 'wasi', /cannot run WASI under it \(--allow-wasi needs Node 22\.3\.0/],
    ['v18.20.0', 'js', /no permission model/],
  ])('Node %s, %s', (version, target, want) => {
    const got = sandboxFlags(parseNodeVersion(version)!, target, ['/s']);
    if (want instanceof RegExp) {
      expect('refused' in got && got.refused).toMatch(want);
    } else {
      expect('flags' in got && got.flags.filter((f) => !f.startsWith('--disable-warning'))).toEqual(want);
      // Never a write, a child process, an addon or the inspector.
      expect('flags' in got && got.flags.join(' ')).not.toMatch(/allow-(fs-write|child-process|addons|inspector)/);
    }
  });

  it('preloads the network guard when given one', () => {
    const got = sandboxFlags([24, 21, 0], 'js', ['/s'], '/s/.c2w-smoke-guard.cjs');
    expect('flags' in got && got.flags).toContain('--require=/s/.c2w-smoke-guard.cjs');
  });

  it('reads versions as node --version prints them', () => {
    expect(parseNodeVersion('v24.21.0\n')).toEqual([24, 21, 0]);
    expect(parseNodeVersion('bash: node: not found')).toBeUndefined();
  });
});

describe('stageOutput', () => {
  it('stages a file or a folder in a new scratch folder and removes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c2w-stage-test-'));
    try {
      mkdirSync(join(dir, 'out/sub'), { recursive: true });
      writeFileSync(join(dir, 'out/out.js'), 'js');
      writeFileSync(join(dir, 'out/sub/x'), 'x');
      const scratch = join(dir, 'scratch');
      mkdirSync(scratch);
      const staged = await stageOutput(join(dir, 'out'), scratch);
      expect(staged.path.startsWith(`${staged.dir}/`)).toBe(true);
      expect(readFileSync(join(staged.path, 'sub/x'), 'utf8')).toBe('x');
      expect(readFileSync(staged.guard, 'utf8')).toContain('Socket.prototype.connect');
      await staged.remove();
      expect(readFileSync(join(dir, 'out/out.js'), 'utf8')).toBe('js');
      expect(readdirSync(scratch)).toEqual([]);
      await expect(stageOutput(join(dir, 'missing.wasm'), scratch)).rejects.toThrow(/ENOENT/);
      expect(readdirSync(scratch)).toEqual([]);
      // A symlink to a file inside is staged as that file; one out of the output is refused.
      symlinkSync('out.js', join(dir, 'out/alias.js'));
      const again = await stageOutput(join(dir, 'out'), scratch);
      expect(readFileSync(join(again.path, 'alias.js'), 'utf8')).toBe('js');
      await again.remove();
      symlinkSync('/proc/self/environ', join(dir, 'out/environ'));
      await expect(stageOutput(join(dir, 'out'), scratch)).rejects.toThrow(
        /environ is a symlink that does not point to a file inside the output/,
      );
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stageOutput links, never copies, a file others may read', () => {
  const inode = (p: string) => {
    const st = statSync(p);
    return `${st.dev}:${st.ino}`;
  };

  it('a wasm file: the staged file is the published file (same inode), its mode untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c2w-stage-test-'));
    try {
      const wasm = join(dir, 'out.wasm');
      writeFileSync(wasm, 'module');
      chmodSync(wasm, 0o755);
      const staged = await stageOutput(wasm, dir);
      expect(inode(staged.path)).toBe(inode(wasm));
      expect(statSync(wasm).mode & 0o777).toBe(0o755);
      await staged.remove();
      expect(readFileSync(wasm, 'utf8')).toBe('module');
      expect(statSync(wasm).nlink).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a js folder: every file linked, symlinks to files inside linked to their target, folders open to all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c2w-stage-test-'));
    try {
      const out = join(dir, 'out');
      mkdirSync(join(out, 'sub'), { recursive: true, mode: 0o700 });
      writeFileSync(join(out, 'out.js'), 'js');
      writeFileSync(join(out, 'qemu.data'), 'data');
      writeFileSync(join(out, 'sub/x'), 'x');
      symlinkSync('qemu.data', join(out, 'alias.data'));
      const staged = await stageOutput(out, dir);
      for (const f of ['out.js', 'qemu.data', 'sub/x']) expect(inode(join(staged.path, f))).toBe(inode(join(out, f)));
      expect(inode(join(staged.path, 'alias.data'))).toBe(inode(join(out, 'qemu.data')));
      expect(statSync(join(staged.path, 'sub')).mode & 0o777).toBe(0o755);
      await staged.remove();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('copies a file others may not read (the boundary runs the guest as another user), and leaves its mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c2w-stage-test-'));
    try {
      const wasm = join(dir, 'out.wasm');
      writeFileSync(wasm, 'module');
      chmodSync(wasm, 0o600);
      const staged = await stageOutput(wasm, dir);
      expect(inode(staged.path)).not.toBe(inode(wasm));
      expect(readFileSync(staged.path, 'utf8')).toBe('module');
      expect(statSync(staged.path).mode & 0o777).toBe(0o644);
      expect(statSync(wasm).mode & 0o777).toBe(0o600);
      await staged.remove();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
