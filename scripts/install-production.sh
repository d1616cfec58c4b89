#!/usr/bin/env bash
# Installs PeerReflect for production into DEST: the compiled server (dist/), content/, web/ and the package
# files, then `npm ci --omit=dev` there — no TypeScript, tsx, mocha or any other dev tool. The Dockerfile runs
# this script, and so does test/e2e/productionInstall.test.ts, so the test proves what the image does.
#   scripts/install-production.sh DEST        (build first: npm ci && npm run build)
# NPM_CI_FLAGS adds flags to npm ci (the test: --prefer-offline, to reuse the npm cache).
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:?usage: scripts/install-production.sh DEST}"
if [ ! -f "$src/dist/.built" ]; then
  echo "install-production: dist/ is not built. Run \`npm ci && npm run build\` first." >&2
  exit 1
fi
mkdir -p "$dest/scripts"
rm -rf "$dest/dist" "$dest/content" "$dest/web"
cp -R "$src/dist" "$src/content" "$src/web" "$dest/"
cp "$src/package.json" "$src/package-lock.json" "$src/.npmrc" "$dest/"
rm -rf "$dest/patches" && cp -R "$src/patches" "$dest/" # fixes to dependencies, applied by npm ci's postinstall (patch-package)
cp "$src/scripts/build.cjs" "$dest/scripts/" # npm start's prestart: with no TypeScript it runs dist/ as it is
cd "$dest"
# node_modules already installed from this very package-lock.json (a test re-running the script) is kept: npm ci
# would delete and re-extract the same ~100k files. A fresh DEST (the Docker build) always runs npm ci.
# The production part of the lock (and the patches) only: a change to dev tools needs no new production install.
lock_sum="$(node -e 'const l=require("./package-lock.json");const p=Object.entries(l.packages).filter(([k,v])=>k&&!v.dev).map(([k,v])=>[k,v.version,v.integrity]);p.push(l.packages[""].dependencies);for(const f of require("fs").readdirSync("patches").sort())p.push([f,require("fs").readFileSync("patches/"+f,"utf8")]);process.stdout.write(require("crypto").createHash("sha256").update(JSON.stringify(p)).digest("hex"))')"
if [ -f node_modules/.installed-from ] && [ "$(cat node_modules/.installed-from)" = "$lock_sum" ]; then
  echo "install-production: node_modules already installed from this package-lock.json"
  exit 0
fi
rm -rf node_modules
# shellcheck disable=SC2086 # NPM_CI_FLAGS is a list of flags
npm ci --omit=dev --no-audit --no-fund ${NPM_CI_FLAGS:-}
npm ls --omit=dev --depth=0 >/dev/null # every dependency in place, or stop here
echo "$lock_sum" > node_modules/.installed-from
