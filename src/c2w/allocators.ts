// How a failing emscripten allocator (types/inputs.ts lists them) shows in what the output prints
// when it boots: emscripten's allocators abort with their own assertions
// (c2w issue #400), and each signature names the allocator, so the action can say which one to
// try next and the allocator-fallback loop can pick it.

export interface AllocatorFailure {
  /** The allocator the failure is attributed to. */
  allocator: string;
  /** The output line that shows it. */
  line: string;
  suggestion: string;
}

/** The allocator families a failure line can name (emmalloc.c, mimalloc/src, dlmalloc). */
const ALLOCATOR_FAMILIES = ['emmalloc', 'mimalloc', 'dlmalloc'] as const;

/** The allocator to try after `allocator` failed, for the suggestion. */
function suggestAllocator(allocator: string): string {
  if (allocator.startsWith('emmalloc') || allocator === 'default') return 'dlmalloc';
  if (allocator === 'mimalloc') return 'emmalloc';
  return 'emmalloc';
}

/**
 * Finds an allocator signature in a run's output (c2w issue #400):
 * `Assertion failed` together with emmalloc, mimalloc or dlmalloc, an `Aborted(` that names one,
 * or mimalloc's own error report. Returns undefined when there is none.
 */
export function classifyAllocatorFailure(output: string, allocator: string): AllocatorFailure | undefined {
  const lines = output.split(/\r?\n|\r/);
  const mentions = (l: string): string | undefined => ALLOCATOR_FAMILIES.find((a) => l.toLowerCase().includes(a));
  for (const raw of lines) {
    const line = raw.trim();
    let named: string | undefined;
    if (/Assertion failed/i.test(line) || /Aborted\(/.test(line)) named = mentions(line);
    else if (/^mimalloc: (error|assertion)/i.test(line)) named = 'mimalloc';
    if (!named) continue;
    // The build's own name when it is a variant of what the line shows (emmalloc-debug shows emmalloc.c).
    const blamed = allocator.startsWith(named) ? allocator : named;
    const next = suggestAllocator(blamed);
    return {
      allocator: blamed,
      line: line.length > 500 ? `${line.slice(0, 500)}…` : line,
      suggestion:
        `The ${blamed} allocator failed when the output booted (c2w issue #400). Rebuild with ` +
        `\`allocator: ${next}\`, or list allocators to try in \`allocator-fallback\`.`,
    };
  }
  return undefined;
}
