#!/usr/bin/env bash
# The browser tests need Debian's Chromium at /usr/bin/chromium; they never skip without it.
set -eu
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installerar Debians chromium för webbläsartesterna ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Webbläsartesterna behöver Chromium. Kör: sudo apt-get install chromium" >&2
exit 1
