#!/usr/bin/env bash
# The web editor at /admin/ is Decap CMS from npm, as medborgarlofte/decap/package-lock.json pins it. Install Node.js
# and npm where they are missing and we may (as root, or with sudo that asks no password, as on GitHub's runners),
# else say what to run; then the packages, into the user's cache, again whenever the lock file has changed, and the
# files a browser loads copied from them into the package (medborgarlofte/decap/dist/), which the wheel carries.
set -eu
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  as_root=""
  [ "$(id -u)" = 0 ] || as_root="sudo -n"
  if command -v apt-get >/dev/null && { [ -z "$as_root" ] || sudo -n true 2>/dev/null; }; then
    echo "Installerar Node.js och npm för redigeraren ..."
    $as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "Redigeraren installeras med npm. Kör: sudo apt-get install nodejs npm" >&2
    exit 1
  fi
fi
.venv/bin/python -c "from medborgarlofte import editor; editor.stage()"
