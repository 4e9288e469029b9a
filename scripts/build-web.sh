#!/usr/bin/env bash
# Build the web client (static export in web/out, served by the gateway) only when something changed:
# - `npm ci` only when package-lock.json differs from the one node_modules was installed from (or
#   node_modules is missing): `npm ci` deletes node_modules first, so it is never run without reason;
# - `next build` only when the web sources (every file git tracks or would track under web/, outside
#   the build's own outputs) or the lock differ from those of the last successful build.
# - the contracts' TypeScript types are regenerated first (scripts/web_types.py), when uv is here.
# Stamps live inside what they describe (node_modules/, out/), so deleting either forces its step.
# Usage: scripts/build-web.sh [--deps-only]    (make web; make test-web needs only the dependencies)
set -euo pipefail
cd "$(dirname "$0")/../web"
[ -f package.json ] || exit 0

LOCK_STAMP=node_modules/.mockmind-package-lock.sha256
BUILD_STAMP=out/.mockmind-sources.sha256

lock_hash() { sha256sum package-lock.json | cut -d' ' -f1; }

sources_hash() {
  # Tracked and untracked-but-not-ignored files: node_modules, .next, out and public/monaco are ignored.
  git ls-files -z --cached --others --exclude-standard -- . \
    | sort -z | xargs -0 -r sha256sum 2>/dev/null | sha256sum | cut -d' ' -f1
}

if [ "$(cat "$LOCK_STAMP" 2>/dev/null)" != "$(lock_hash)" ]; then
  echo "web: package-lock.json changed (or no node_modules): npm ci"
  npm ci --no-audit --no-fund
  lock_hash > "$LOCK_STAMP"
else
  echo "web: dependencies up to date"
fi
[ "${1:-}" = "--deps-only" ] && exit 0

# The browser's types of the contracts, generated from the Python models (web/lib/generated/contracts.ts);
# a build without uv (the image's node stage) uses the committed file, which a test keeps fresh.
if [ -f ../scripts/web_types.py ] && command -v "${UV:-uv}" >/dev/null; then
  (cd .. && "${UV:-uv}" run --frozen python scripts/web_types.py)
fi

wanted="$(sources_hash)"
if [ "$(cat "$BUILD_STAMP" 2>/dev/null)" = "$wanted" ] && [ -f out/index.html ]; then
  echo "web: build up to date (web/out)"
  exit 0
fi
echo "web: sources changed: next build"
npm run build
echo "$wanted" > "$BUILD_STAMP"
