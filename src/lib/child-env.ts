// The environment a child process gets: what it needs from the action's environment and no
// more. The runner hands the action every input as INPUT_* (github-token among them), the
// Actions runtime token, and the paths of the step's command files; c2w, docker, buildx and tar
// need none of them. Only buildx's gha cache backend reads the runtime variables: it takes
// ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_URL, ACTIONS_RESULTS_URL and ACTIONS_CACHE_SERVICE_V2
// from its environment (https://docs.docker.com/build/cache/backends/gha/#authentication).

export interface EnvNeeds {
  /** The child reaches GitHub's cache service itself (buildx with `type=gha`). */
  actionsCache?: boolean;
}

/** Variables passed through by exact name. */
const KEEP = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TERM',
  'TMPDIR',
  'TEMP',
  'TMP',
  // Proxies, as curl, Go's net/http (docker, buildx, c2w) and Node read them, in both spellings.
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
  'no_proxy',
  'NO_PROXY',
  'all_proxy',
  'ALL_PROXY',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CI',
  'GITHUB_ACTIONS',
  'RUNNER_OS',
  'RUNNER_ARCH',
  'RUNNER_TEMP',
  'RUNNER_TOOL_CACHE',
  // The runner finds and ends the processes of a job by this variable after the job
  // (actions/runner ProcessInvoker sets it; its job cleanup looks for it in /proc/<pid>/environ).
  'RUNNER_TRACKING_ID',
]);

/** Variables passed through by prefix: the docker client's and buildx's own settings, locale, XDG dirs. */
const KEEP_PREFIXES = ['DOCKER_', 'BUILDX_', 'BUILDKIT_', 'LC_', 'XDG_'];

/** What buildx's gha cache backend reads (see the link above). */
const ACTIONS_CACHE = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2'];

/** The child's environment: the allow-listed variables of `env`, plus the gha cache variables when needed. */
export function childEnv(env: NodeJS.ProcessEnv, needs: EnvNeeds = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const keep =
      KEEP.has(name) ||
      KEEP_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
      (needs.actionsCache === true && ACTIONS_CACHE.includes(name));
    if (keep) result[name] = value;
  }
  return result;
}
