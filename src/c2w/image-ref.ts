// Docker image reference grammar (distribution/reference), used to reject bad `image`
// inputs before anything is spawned:
//   reference := name [ ":" tag ] [ "@" digest ]
//   name      := [domain "/"] path-component ["/" path-component]*
//   domain    := host [":" port]      host := domain-name | IPv4 | "[" IPv6 "]"
//   path-component := [a-z0-9]+ (separator [a-z0-9]+)*   separator := [_.] | "__" | "-"+
//   tag       := [\w][\w.-]{0,127}
//   digest    := algorithm ":" hex   (sha256, sha384 or sha512: 64, 96 or 128 lower-case hex)

const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainName}|${ipv6})`;
const domain = `${host}(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

const anchored = new RegExp(
  `^(?:(${domain})/)?(${pathComponent}(?:/${pathComponent})*)(?::(${tag}))?(?:@(${digest}))?$`,
);

export interface ImageReference {
  domain?: string;
  path: string;
  tag?: string;
  digest?: string;
}

const NAME_MAX = 255;

/** The digest algorithms go-digest registers in Docker, and their hex lengths. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** Parses an image reference; returns an error message instead when it is not one. */
export function parseImageReference(ref: string): ImageReference | string {
  if (ref === '') return 'is empty';
  if (/\s/.test(ref)) return 'contains white space';
  const m = anchored.exec(ref);
  if (!m) {
    // Registry hosts and tags may have upper case; if lower-casing makes it valid, the
    // repository path had upper case, which Docker refuses.
    if (anchored.test(ref.toLowerCase())) {
      return 'has upper-case letters in the repository name (only the registry host may have them)';
    }
    return 'is not a valid image reference (expected [registry[:port]/]name[:tag][@sha256:<64 hex>])';
  }
  const [, , , t, dig] = m;
  let [, dom, path] = m;
  // A first component without '.', ':' or 'localhost' is part of the path, not a registry
  // (Docker's own rule); such a component must then follow the path grammar.
  if (dom !== undefined && !/[.:]/.test(dom) && dom !== 'localhost') {
    if (!new RegExp(`^${pathComponent}$`).test(dom)) {
      return 'has upper-case letters in the repository name (only the registry host may have them)';
    }
    path = `${dom}/${path}`;
    dom = undefined;
  }
  // The length limit applies to the repository path as the grammar splits it (the domain does not
  // count), as in distribution/reference's Parse since v0.6.0.
  if (m[2]!.length > NAME_MAX) return `has a repository path longer than ${NAME_MAX} characters`;
  if (dig !== undefined) {
    const [algo, hex] = dig.split(':') as [string, string];
    const length = DIGEST_HEX_LENGTH[algo];
    if (length === undefined) {
      return `has a digest algorithm '${algo}' that Docker does not support (${Object.keys(DIGEST_HEX_LENGTH).join(', ')})`;
    }
    if (!new RegExp(`^[a-f0-9]{${length}}$`).test(hex)) {
      return `has a bad digest (${algo} needs exactly ${length} lower-case hex characters)`;
    }
  }
  const result: ImageReference = { path: path! };
  if (dom !== undefined) result.domain = dom;
  if (t !== undefined) result.tag = t;
  if (dig !== undefined) result.digest = dig;
  return result;
}
