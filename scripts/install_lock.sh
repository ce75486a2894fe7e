#!/usr/bin/env bash
# Installs exactly what a lock file pins into a virtual environment, whatever pip the machine's Python brings and
# whatever the package index serves on the day:
#
#     scripts/install_lock.sh VENV LOCK
#
# VENV/installed is touched when all is in: make's mark that the environment is complete.
# Every package comes from the lock with its hash and nothing is resolved (--no-deps): the lock holds the whole tree,
# extras' dependencies included, so no requirement of a locked package can pull a newer release from the index (as
# pip 23's resolver did for a requirement with an extra in --require-hashes mode). A package published only as source
# is built with the lock's own setuptools, installed first, not with whatever release a build environment would fetch.
# pip check then proves that every locked package finds what it requires: a lock that misses one fails here, by name,
# not at run time.
set -eu
venv="$1"
lock="$2"
python="${PYTHON:-python3}"
pip=("$venv/bin/python" -m pip --disable-pip-version-check --no-input)
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
builders="$(mktemp)"
trap 'rm -f "$builders"' EXIT
# The lock's entry for setuptools: its pin line and the hash lines that follow it.
awk '/^[^ #]/ { keep = ($1 ~ /^setuptools==/) } keep' "$lock" >"$builders"
if ! { [ ! -s "$builders" ] || "${pip[@]}" install --quiet --no-deps --require-hashes --only-binary :all: -r "$builders"; } ||
  ! "${pip[@]}" install --quiet --no-deps --require-hashes --no-build-isolation --use-pep517 -r "$lock"; then
  echo "Miljön kunde inte installeras från $lock (se pip:s fel ovan)." >&2
  exit 1
fi
if ! "${pip[@]}" check; then
  echo "$lock är inte komplett: paketen ovan saknar något de kräver. Kör make lock." >&2
  exit 1
fi
touch "$venv/installed"
