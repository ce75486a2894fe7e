#!/usr/bin/env bash
# Drawing the share cards needs Debian's libfribidi0, which Pillow's text layout (raqm) loads to lay out
# Arabic right to left. Install it where we may (as root, with apt), else say what to run.
set -eu
if ldconfig -p 2>/dev/null | grep -q 'libfribidi\.so\.0'; then
  exit 0
fi
# As root, or with sudo that asks no password (as on GitHub's runners).
as_root=""
[ "$(id -u)" = 0 ] || as_root="sudo -n"
if command -v apt-get >/dev/null && { [ -z "$as_root" ] || sudo -n true 2>/dev/null; }; then
  echo "Installerar libfribidi0 för delningsbilderna ..."
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq libfribidi0 >/dev/null
else
  echo "Delningsbilderna behöver libfribidi0. Kör: sudo apt-get install libfribidi0" >&2
  exit 1
fi
