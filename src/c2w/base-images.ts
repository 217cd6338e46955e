// The external images a Dockerfile builds from: what its `FROM` lines and its `COPY --from=` /
// `RUN --mount=…,from=` name, other than its own stages and `scratch`, with the global `ARG`s (the
// ones before the first FROM) expanded from their defaults and the given build args, as BuildKit's
// Dockerfile frontend does (https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact).
// Every cached layer of a stage depends on the digest its base resolved to, so a shared cache is
// only a hit for a build whose bases resolve to the same digests. Pure.
import type { KeyValue } from '../types/inputs.js';

/** The Dockerfile's instructions, one string each: continuation lines joined, comments and heredoc bodies left out. */
export function instructions(text: string): string[] {
  const out: string[] = [];
  const lines = text.split(/\r?\n/);
  let current = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (current === '' && /^\s*#/.test(line)) continue;
    if (/\\\s*$/.test(line)) {
      current += line.replace(/\\\s*$/, ' ');
      continue;
    }
    const whole = (current + line).trim();
    current = '';
    if (whole === '') continue;
    out.push(whole);
    // A heredoc (`COPY <<EOF /x`, `RUN <<-'EOT'`): its body runs to the line holding only the word.
    for (const m of whole.matchAll(/<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)) {
      const word = m[2]!;
      while (i + 1 < lines.length && lines[i + 1]!.trim() !== word) i++;
      i++;
    }
  }
  return out;
}

/** `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME:+word}` from `vars`; undefined when a name has no value. */
export function expand(text: string, vars: ReadonlyMap<string, string>): string | undefined {
  let missing = false;
  const result = text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_all, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const value = vars.get((braced ?? bare)!);
      if (op === '-') return value ? value : (word ?? '');
      if (op === '+') return value ? (word ?? '') : '';
      if (value === undefined) missing = true;
      return value ?? '';
    },
  );
  return missing ? undefined : result;
}

/**
 * The external images of `dockerfile`, in the order they first appear, as written after the global
 * ARGs are expanded (`ubuntu:22.04`, `emscripten/emsdk:3.1.40`). Images named by a digest already
 * are pinned and left out; a name that stays unexpanded (an ARG without a value) cannot be known
 * before the build and is left out.
 */
export function baseImages(dockerfile: string, buildArgs: readonly KeyValue[] = []): string[] {
  const given = new Map(buildArgs.map(({ key, value }) => [key, value]));
  const globals = new Map<string, string>();
  const stages = new Set<string>();
  const found: string[] = [];
  const add = (raw: string) => {
    const name = expand(raw, globals);
    if (name === undefined || name === '' || /\$/.test(name)) return;
    if (name.toLowerCase() === 'scratch' || stages.has(name.toLowerCase()) || /^\d+$/.test(name)) return;
    if (name.includes('@')) return;
    if (!found.includes(name)) found.push(name);
  };
  let seenFrom = false;
  for (const line of instructions(dockerfile)) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const word = keyword.toUpperCase();
    if (word === 'ARG' && !seenFrom) {
      for (const decl of rest) {
        const eq = decl.indexOf('=');
        const key = eq < 0 ? decl : decl.slice(0, eq);
        const fallback = eq < 0 ? undefined : decl.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2');
        const value = given.get(key) ?? fallback;
        if (value !== undefined) globals.set(key, value);
      }
    } else if (word === 'FROM') {
      seenFrom = true;
      const words = rest.filter((w) => !w.startsWith('--'));
      if (words[0]) add(words[0]);
      if (words[1]?.toUpperCase() === 'AS' && words[2]) stages.add(words[2].toLowerCase());
    } else if (word === 'COPY' || word === 'ADD' || word === 'RUN') {
      for (const flag of rest) {
        if (!flag.startsWith('--')) break;
        const from = /^--from=(\S+)$/.exec(flag)?.[1];
        if (from && word !== 'RUN') add(from);
        const mount = /^--mount=(\S+)$/.exec(flag)?.[1];
        const mountFrom = mount && /(?:^|,)from=([^,]+)/.exec(mount)?.[1];
        if (mountFrom) add(mountFrom);
      }
    }
  }
  return found;
}
