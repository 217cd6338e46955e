// What the main step hands to the post step, typed (as docker/build-push-action's state-helper.ts
// does): each value is written with core.saveState by main and read back by post, which never
// parses a saved string itself. A value that does not have the shape main writes reads as absent.
import * as core from '@actions/core';
import type { SavePlan } from '../cache/layers.js';

const NAMES = {
  isPost: 'isPost',
  /** A builder the action created, to remove in post. */
  createdBuilder: 'created-builder',
  /** The rotated local cache folder and the keys to save it under in post. */
  cacheSave: 'cache-save',
} as const;

export const isPost = (): boolean => core.getState(NAMES.isPost) === 'true';
export const setIsPost = (): void => core.saveState(NAMES.isPost, 'true');

export const createdBuilder = (): string | undefined => core.getState(NAMES.createdBuilder) || undefined;
export const setCreatedBuilder = (name: string): void => core.saveState(NAMES.createdBuilder, name);

export function setCacheSave(plan: SavePlan): void {
  core.saveState(NAMES.cacheSave, JSON.stringify(plan));
}

/** The SavePlan main wrote, or undefined (none written, or not a SavePlan). */
export function cacheSave(): SavePlan | undefined {
  const text = core.getState(NAMES.cacheSave);
  if (!text) return undefined;
  try {
    return parseSavePlan(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** The SavePlan in `data`, or undefined when it has another shape. Pure. */
export function parseSavePlan(data: unknown): SavePlan | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const p = data as Record<string, unknown>;
  if (typeof p.dir !== 'string' || typeof p.key !== 'string') return undefined;
  if (p.timeoutSeconds !== undefined && (typeof p.timeoutSeconds !== 'number' || !(p.timeoutSeconds > 0))) {
    return undefined;
  }
  let shared: SavePlan['shared'];
  if (p.shared !== undefined) {
    const s = p.shared as Record<string, unknown> | null;
    if (typeof s !== 'object' || s === null || typeof s.key !== 'string' || typeof s.exactHit !== 'boolean') {
      return undefined;
    }
    shared = { key: s.key, exactHit: s.exactHit };
  }
  return {
    dir: p.dir,
    key: p.key,
    ...(shared ? { shared } : {}),
    ...(p.timeoutSeconds !== undefined ? { timeoutSeconds: p.timeoutSeconds as number } : {}),
    ...(typeof p.restoredBytes === 'number' && p.restoredBytes >= 0 ? { restoredBytes: p.restoredBytes } : {}),
  };
}
