"""The commands, one module each: its HELP, the arguments it takes (`arguments`) and what it does with them (`main`).
A command that works on a project also takes --content and --config (cli.py adds them), unless it says IN_PROJECT = False.
"""

from __future__ import annotations

import argparse

from ..readers import web_address_problem

# The one system package the engine needs beside Python: what it is for, and what to run.
NO_TEXT_LAYOUT = (
    "Delningsbilderna kan inte ritas: Pillow hittar inte systembiblioteket libfribidi, som behövs för att skriva "
    "arabiska från höger till vänster (kör: sudo apt-get install libfribidi0)."
)
RENDERER_HELP = (
    "vad som renderar sidorna, i stället för extra.renderer i mkdocs.yml: mkdocs (standard), zensical, Materials efterträdare, "
    "eller properdocs, en underhållen kopia av MkDocs (se handbok/infora-motorn.md)"
)


def site_address(given: str) -> str:
    """An address given on the command line is published in every page's head, feeds and data: held to the same rules
    as site_url in mkdocs.yml, and said wrong before anything is read."""
    if (wrong := web_address_problem(given)) is not None:
        raise argparse.ArgumentTypeError(f"fick {given!r} ({wrong})")
    return given
