#!/usr/bin/env bash
# The package tests install the engine's wheel into an empty environment with its dependencies from the lock file
# alone, offline: every package that requirements.lock pins, as a wheel, downloaded (hash-checked) or built once into a wheelhouse in the
# user's cache, named by the lock file's fingerprint, again whenever the lock file has changed.
set -eu
cd "$(dirname "$0")/.."
cache="${MEDBORGARLOFTE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/medborgarlofte}"
folder="$cache/wheelhouse-$(sha256sum requirements.lock | cut -c1-16)"
[ -f "$folder/.complete" ] && exit 0
mkdir -p "$cache"
work="$(mktemp -d "$folder.XXXXXX")"
trap 'rm -rf "$work"' EXIT
.venv/bin/pip wheel --quiet --disable-pip-version-check --no-deps --require-hashes --no-build-isolation -r requirements.lock -w "$work"
touch "$work/.complete"
rm -rf "$folder"
mv "$work" "$folder"
