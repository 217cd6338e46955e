// Names of what the action publishes: the rules a user-given artifact or release asset name must
// follow (each validator returns the bare reason, for the inputs module to attach to the input's
// name), and the default names derived from the matrix cell.
import { createHash } from 'node:crypto';
import type { Inputs, Target } from '../types/inputs.js';

/** Characters the artifact service refuses in a name (as @actions/artifact checks them). */
const INVALID_ARTIFACT_NAME_CHARS: [string, string][] = [
  ['"', 'double quote "'],
  [':', 'colon :'],
  ['<', 'less than <'],
  ['>', 'greater than >'],
  ['|', 'vertical bar |'],
  ['*', 'asterisk *'],
  ['?', 'question mark ?'],
  ['\r', 'carriage return \\r'],
  ['\n', 'line feed \\n'],
  ['\\', 'backslash \\'],
  ['/', 'forward slash /'],
];

/** Why the artifact service would refuse `name`, or undefined when it accepts it. */
export function artifactNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is empty';
  const bad = INVALID_ARTIFACT_NAME_CHARS.filter(([ch]) => name.includes(ch)).map(([, label]) => label);
  if (bad.length > 0) {
    return (
      `${JSON.stringify(name)} contains ${bad.join(', ')}; artifact names cannot contain ` +
      `" : < > | * ? \\ / or CR/LF (the artifact service refuses them)`
    );
  }
  return undefined;
}

/**
 * Why `name` cannot be a release asset name, or undefined. GitHub silently renames asset names
 * with characters outside [A-Za-z0-9._+-] or a leading/trailing period; the action then could
 * not find its own asset again on a re-run, so such names are refused.
 */
export function assetNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  const bad = [...new Set(name.replace(/[A-Za-z0-9._+-]/g, ''))];
  if (bad.length > 0) {
    return (
      `${JSON.stringify(name)} contains ${bad.map((c) => JSON.stringify(c)).join(' ')}; ` +
      `use only letters, digits and . _ + - (GitHub renames other characters)`
    );
  }
  if (name.startsWith('.') || name.endsWith('.')) {
    return `${JSON.stringify(name)} starts or ends with a period (GitHub renames such assets)`;
  }
  return undefined;
}

const MAX_IMAGE_PART = 80;

/** The image reference in safe characters: `ghcr.io/org/app:1.0` -> `ghcr.io_org_app-1.0`. */
export function safeImagePart(image: string): string {
  let ref = image.trim();
  let digest = '';
  const at = ref.indexOf('@');
  if (at >= 0) {
    const d = ref.slice(at + 1);
    ref = ref.slice(0, at);
    const m = /^([a-z0-9]+):([0-9a-f]+)$/i.exec(d);
    digest = m ? `${m[1]}-${m[2]!.slice(0, 12)}` : d;
  }
  // The registry default and the official-image namespace carry no information.
  ref = ref.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
  let s = ref.replaceAll('/', '_') + (digest ? `-${digest}` : '');
  s = sanitize(s);
  if (s.length > MAX_IMAGE_PART) {
    // Keep names distinct when long references share a prefix.
    const h = createHash('sha256').update(image).digest('hex').slice(0, 8);
    s = `${s.slice(0, MAX_IMAGE_PART - 9).replace(/[-_.]+$/, '')}-${h}`;
  }
  return s || 'image';
}

/** Only [A-Za-z0-9._-]: other runs become `-`; no leading/trailing separators. */
function sanitize(s: string): string {
  return s
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
}

type NameInputs = Pick<Inputs, 'image' | 'targetArch' | 'target' | 'allocator'>;

/**
 * Default artifact name: distinct for every matrix cell over image, target-arch, target and
 * allocator, with no configuration. `alpine:3.20` amd64 wasi emmalloc -> `alpine-3.20-amd64-wasi-emmalloc`.
 */
export function defaultArtifactName(inputs: NameInputs): string {
  const arch = sanitize(inputs.targetArch.replaceAll('/', '_')) || 'arch';
  return [safeImagePart(inputs.image), arch, inputs.target, inputs.allocator].join('-');
}

/** Default release asset name: the artifact name with `.wasm` (wasi) or `.tar.gz` (js). */
export function defaultAssetName(inputs: NameInputs): string {
  return defaultArtifactName(inputs) + assetExtension(inputs.target);
}

export function assetExtension(target: Target): string {
  return target === 'js' ? '.tar.gz' : '.wasm';
}
