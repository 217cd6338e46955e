// The action's `metadata` output (docs/metadata.md), parsed, for the tests that read a figure.
import type { Metadata } from '../../src/record/metadata.js';

export function metadataOf(outputs: Record<string, string>): Metadata {
  const text = outputs.metadata;
  if (text === undefined) throw new Error('the step set no metadata output');
  return JSON.parse(text) as Metadata;
}
