#!/usr/bin/env bash
# The README's test command, complete on a fresh machine: installs the npm tools the tests run (pinned in
# tests/tools/package.json and its lock) into a cache outside the repository, then runs every test.
# Arguments go to dotnet test (e.g. ./test.sh --filter "FullyQualifiedName~Definition").
set -euo pipefail
cd "$(dirname "$0")"
tools="${OUTPOST_SERVERLESS_NPM_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/outpost-serverless/npm-tools}"
if command -v npm >/dev/null; then
  if ! cmp -s tests/tools/package-lock.json "$tools/package-lock.json" || [ ! -d "$tools/node_modules" ]; then
    mkdir -p "$tools"
    cp tests/tools/package.json tests/tools/package-lock.json "$tools/"
    npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
  fi
else
  echo "test.sh: npm is not on PATH, so the tests that run npm tools are skipped (under CI they fail)." >&2
fi
# The tests look for the npm tools here (OutpostServerless.Testing/Tools/NpmTools.cs).
export OUTPOST_SERVERLESS_NPM_TOOLS="$tools"
exec dotnet test "$@"
