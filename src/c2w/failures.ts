// The failure signatures users hit with c2w (each names the upstream c2w issue that shows it),
// matched against the tail of a failed build or boot so the error says what to do.
import { classifyAllocatorFailure } from './allocators.js';

export interface FailureHint {
  kind: 'allocator' | 'disk' | 'mknod' | 'image-too-large' | 'memory' | 'env-too-large' | 'exec-format' | 'old-engine';
  /** The line that matched. */
  line: string;
  hint: string;
}

interface Signature {
  kind: FailureHint['kind'];
  test: (line: string) => boolean;
  hint: string;
}

const SIGNATURES: Signature[] = [
  {
    kind: 'allocator',
    test: (l) => classifyAllocatorFailure(l, '') !== undefined,
    hint: 'An emscripten allocator assertion (c2w issue #400). Try another allocator (e.g. allocator: dlmalloc or emmalloc), or list several in allocator-fallback.',
  },
  {
    kind: 'disk',
    test: (l) => /no space left on device/i.test(l),
    hint: 'The runner ran out of disk. A cold c2w build needs tens of GB: free runner disk first (remove preinstalled toolchains) or use a larger runner.',
  },
  {
    kind: 'mknod',
    test: (l) => /mknod .*Operation not permitted/.test(l),
    hint: 'The build ran in a restricted environment that forbids mknod (c2w issues #294, #70). Use a runner with a full Docker engine, not rootless or a nested sandbox.',
  },
  {
    kind: 'image-too-large',
    test: (l) => /capacity overflow/.test(l),
    hint: 'wasi-vfs could not pack the image: it is too large (c2w issues #230, #250). Use a smaller image.',
  },
  {
    kind: 'memory',
    test: (l) => /cannot allocate memory/i.test(l) || /(^|\s)Killed(\s|$)/.test(l),
    hint: 'The build ran out of memory (c2w issues #280, #187). Use a runner with more memory or fewer parallel jobs.',
  },
  {
    kind: 'env-too-large',
    test: (l) => /failed to prepare env info/.test(l),
    hint: "The command and environment exceed c2w's 1024-byte budget (c2w issue #518). Shorten smoke-command or smoke-env.",
  },
  {
    kind: 'exec-format',
    test: (l) => /exec format error/.test(l),
    hint: 'An amd64 program ran where nothing runs amd64: c2w builds --platform=linux/amd64, so a builder on an arm64 machine needs amd64 emulation (add docker/setup-qemu-action before this step, or use an x64 runner). Or the c2w binary does not match this machine (c2w issue #198): c2w runs on Linux amd64/arm64 only.',
  },
  {
    kind: 'old-engine',
    test: (l) => /requires API version 1\.4[89]|"--platform" requires API version/.test(l),
    hint: "c2w v0.8.4 runs 'docker save --platform', which needs Docker Engine 28 (API 1.48). Upgrade the engine, or use c2w-version: v0.8.3.",
  },
];

/** Finds the first known failure signature in `output` (most specific first). */
export function classifyFailure(output: string): FailureHint | undefined {
  const lines = output.split(/\r?\n/);
  for (const sig of SIGNATURES) {
    const line = lines.find((l) => sig.test(l));
    if (line !== undefined) return { kind: sig.kind, line: line.trim(), hint: sig.hint };
  }
  return undefined;
}

/** Keeps the last `max` characters of a stream. */
export class Tail {
  private text = '';
  constructor(private readonly max = 64 * 1024) {}
  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > 2 * this.max) this.text = this.text.slice(-this.max);
  }
  toString(): string {
    return this.text.slice(-this.max);
  }
}
