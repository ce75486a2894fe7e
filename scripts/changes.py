#!/usr/bin/env python3
"""Whether a change touches the engine or only the content: the publishing workflow runs the engine's tests for the first alone.

`python3 scripts/changes.py BASE [HEAD]` compares the two commits with git and prints `engine=true` or `engine=false`
(for $GITHUB_OUTPUT). A change that only adds, edits or removes files under content/ (what the web editor's pull requests
and the communicators' own commits do) is content: checked with `check` and a strict build, which is what can break.
Without a base to compare with (a new branch, the first push), everything counts as the engine's.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable

CONTENT = "content/"
NO_COMMIT = "0" * 40  # what GitHub gives as the commit before a branch's first push


def touches_engine(paths: Iterable[str]) -> bool:
    """True unless every changed path is a content file; no change at all is content (nothing of the engine moved)."""
    return any(not path.startswith(CONTENT) for path in paths)


def changed_paths(base: str, head: str) -> list[str]:
    # Both sides of a rename are named, so that a file moved out of content/ counts as the engine's.
    result = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", f"{base}...{head}"], capture_output=True, text=True, check=True
    )
    return [line for line in result.stdout.splitlines() if line]


def main(arguments: list[str]) -> int:
    if not 1 <= len(arguments) <= 2:
        print("Användning: changes.py BASE [HEAD]", file=sys.stderr)
        return 2
    base, head = arguments[0], arguments[1] if len(arguments) == 2 else "HEAD"
    try:
        engine = not base or base == NO_COMMIT or touches_engine(changed_paths(base, head))
    except subprocess.CalledProcessError:
        engine = True  # a base git does not have (a force-push): test everything
    print(f"engine={'true' if engine else 'false'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
