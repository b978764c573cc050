#!/usr/bin/env bash
# Installs the Debian packages the tests use, when they are missing: postgresql (the store suite runs on
# SQLite and on a throwaway PostgreSQL server) and chromium (UI tests). Idempotent and quiet; installs
# only as root with apt-get, otherwise says what is missing (those tests are then skipped with a reason).
set -uo pipefail

have_postgresql() {
  local bin
  for bin in /usr/lib/postgresql/*/bin; do
    [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && return 0
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

have_chromium() {
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

missing=()
have_postgresql || missing+=(postgresql)
have_chromium || missing+=(chromium)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "test services: postgresql and chromium are installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test services: missing ${missing[*]}; installing needs root and apt-get (the tests that need them will be skipped)"
  exit 0
fi

log="$(mktemp)"
export DEBIAN_FRONTEND=noninteractive
install() { apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$log" 2>&1; }
# A fresh machine has no package lists yet: update only when the first attempt fails.
if install || { apt-get update -q >>"$log" 2>&1 && install; }; then
  echo "test services: installed ${missing[*]}"
  rm -f "$log"
else
  echo "test services: apt-get could not install ${missing[*]}; the end of its output:"
  tail -n 20 "$log"
  rm -f "$log"
  exit 1
fi
