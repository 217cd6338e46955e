# Shared by scripts/engine.sh and scripts/registry.sh: a private apt configuration for
# `apt-get download` from the machine's own Debian archive. The caller sets APT_DIR and defines die().
# shellcheck shell=bash

os_codename() {
  local c
  c=$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")
  printf '%s' "${c:-bookworm}"
}

# The machine's Debian archive address and keyring: the first deb822 stanza (or one-line
# entry) whose suites include the release codename. Nothing about the host is hard-coded.
archive_source() {
  local codename=$1 f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v want="$codename" '
      function flush() {
        if (uris != "" && index(" " suites " ", " " want " ") > 0 && found == 0) {
          split(uris, u, " "); print u[1] "\t" signed; found = 1
        }
        uris = ""; suites = ""; signed = ""
      }
      /^[[:space:]]*$/ { flush(); next }
      /^URIs:/       { sub(/^URIs:[[:space:]]*/, ""); uris = $0 }
      /^Suites:/     { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
      /^Signed-By:/  { sub(/^Signed-By:[[:space:]]*/, ""); signed = $0 }
      END { flush() }' "$f"
  done | head -n 1 | grep . && return 0
  if [ -f /etc/apt/sources.list ]; then
    sed -n -E "s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+$codename[[:space:]].*/\2\t/p" \
      /etc/apt/sources.list | head -n 1 | grep . && return 0
  fi
  return 1
}

apt_opts() {
  printf '%s\n' \
    -o "Dir::Etc::SourceList=$APT_DIR/sources.list" \
    -o "Dir::Etc::SourceParts=$APT_DIR/sources.list.d" \
    -o "Dir::Etc::Preferences=$APT_DIR/preferences" \
    -o "Dir::Etc::PreferencesParts=$APT_DIR/preferences.d" \
    -o "Dir::State=$APT_DIR/state" \
    -o "Dir::Cache=$APT_DIR/cache" \
    -o "APT::Architecture=amd64" \
    -o "APT::Sandbox::User=root" \
    -o "Acquire::Languages=none" \
    -o "Debug::NoLocking=1"
}
