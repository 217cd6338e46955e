// The cells a matrix is expected to record, told to the report action (`expected-cells`), so a cell
// that never ran, or whose record never arrived, is missing rather than silently absent. A later job
// cannot read the conversion job's `matrix` context, so the user passes what they built the matrix
// from: a count of cells, the list of cells (an `include` list, or a matrix object holding only
// `include`), each an object keyed by the action's input names, or the cells' artifact names.
import { defaultArtifactName } from '../publish/names.js';
import { InputError } from '../config/inputs.js';
import type { Inputs } from '../types/inputs.js';

/** Either how many cells, or the cell names (artifact names) the records must carry. */
export type ExpectedCells = { count: number } | { cells: string[] };

/**
 * The action.yml defaults of the inputs that name a cell, for cells described by what the workflow
 * gave (a refused cell, an `expected-cells` list). test/unit/config/defaults.test.ts holds them equal
 * to action.yml.
 */
export const CELL_DEFAULTS = { target: 'wasi', 'target-arch': 'amd64', allocator: 'emmalloc' } as const;
const DEFAULTS = CELL_DEFAULTS;

const INPUT = 'expected-cells';
/** More cells than GitHub runs in one matrix (256 jobs) is a mistake, not a matrix. */
const MAX_CELLS = 256;

/**
 * The cell name the action gives a matrix cell with these inputs: artifact-name, else the name
 * derived from image, target-arch, target and allocator (defaults as in action.yml).
 */
export function cellNameOf(cell: Readonly<Record<string, unknown>>): string {
  const text = (key: string, fallback = ''): string => {
    const value = cell[key];
    const s = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
    return s || fallback;
  };
  const artifactName = text('artifact-name');
  if (artifactName) return artifactName;
  // The derivation only joins sanitized text: a value the action would refuse still names a cell
  // (a refused cell records itself under this name).
  return defaultArtifactName({
    image: text('image'),
    target: safe(text('target', DEFAULTS.target)),
    targetArch: text('target-arch', DEFAULTS['target-arch']),
    allocator: safe(text('allocator', DEFAULTS.allocator)),
  } as Pick<Inputs, 'image' | 'target' | 'targetArch' | 'allocator'>);
}

/** Only characters an artifact name may hold (js, wasi and the allocator names are unchanged). */
const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-');

/** Parses the `expected-cells` input; undefined when empty. */
export function parseExpectedCells(raw: string): ExpectedCells | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (count < 1 || count > MAX_CELLS)
      throw new InputError(INPUT, `is ${count}; a matrix has 1 to ${MAX_CELLS} cells`);
    return { count };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(
      INPUT,
      `is neither a number of cells nor JSON (${(e as Error).message}); pass e.g. 6, or the matrix's include list as JSON`,
    );
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const keys = Object.keys(data);
    if (keys.length !== 1 || keys[0] !== 'include') {
      throw new InputError(
        INPUT,
        `is a matrix object with ${keys.map((k) => JSON.stringify(k)).join(', ')}; only a matrix of include alone ` +
          `can be read as its cells: pass the include list, or the number of cells (strategy.job-total)`,
      );
    }
    data = (data as { include: unknown }).include;
  }
  if (!Array.isArray(data) || data.length === 0 || data.length > MAX_CELLS) {
    throw new InputError(INPUT, `must be a number, or a JSON list of 1 to ${MAX_CELLS} cells`);
  }
  const cells = data.map((cell, i) => {
    if (typeof cell === 'string' && cell.trim() !== '') return cell.trim();
    if (cell && typeof cell === 'object' && !Array.isArray(cell)) {
      const c = cell as Record<string, unknown>;
      if (typeof c.image !== 'string' && typeof c['artifact-name'] !== 'string') {
        throw new InputError(
          INPUT,
          `cell ${i + 1} has neither image nor artifact-name (keys are the action's input names)`,
        );
      }
      return cellNameOf(c);
    }
    throw new InputError(
      INPUT,
      `cell ${i + 1} is ${JSON.stringify(cell)}; a cell is an object of inputs or an artifact name`,
    );
  });
  const twice = cells.find((c, i) => cells.indexOf(c) !== i);
  if (twice !== undefined) throw new InputError(INPUT, `names the cell ${twice} twice`);
  return { cells };
}

/** One line per expected cell that has no record; empty when every one recorded itself. */
export function missingCells(expected: ExpectedCells | undefined, recorded: readonly string[]): string[] {
  if (!expected) return [];
  if ('count' in expected) {
    return recorded.length < expected.count
      ? [`${expected.count} cell(s) expected, ${recorded.length} recorded: a cell that never started leaves no record`]
      : [];
  }
  const have = new Set(recorded);
  return expected.cells
    .filter((c) => !have.has(c))
    .map((c) => `${c}: no record (the cell never ran, or its record was lost)`);
}
