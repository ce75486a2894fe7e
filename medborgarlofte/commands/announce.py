"""`announce`: after a deploy, tell the WebSub hub of each changed feed and post each new status change and letter to
Mastodon (announcing.py). Never fails the run for a hub or a server that does not answer: what was not taken is
tried again at the next run."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import announcing
from ..errors import ContentErrors
from ..settings import read_settings
from ..structure import today_in_sweden
from ..writers import WORK

TOKEN = "MEDBORGARLOFTE_MASTODON_TOKEN"  # the Mastodon account's access token, a secret of the workflow


def run(config_file: Path, site: Path | None) -> int:
    try:
        settings = read_settings(config_file)
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    if not settings.follow.hub and not settings.follow.mastodon:
        print("Inget att meddela: mkdocs.yml anger varken extra.follow.hub eller extra.follow.mastodon.")
        return 0
    site_dir = site or config_file.parent / settings.site_dir
    if not site_dir.is_dir():
        print(f"Den byggda sajten finns inte i {site_dir}/ (bygg den först).", file=sys.stderr)
        return 1
    token = os.environ.get(TOKEN) or None
    if settings.follow.mastodon and token is None:
        print(
            f"varning: {TOKEN} är inte satt, så inget läggs ut på Mastodon (lägg token som en hemlighet i arbetsflödet)."
        )
    told = announcing.announce(site_dir, settings, config_file.parent / WORK, today_in_sweden(), token)
    for line in announcing.summary(told):
        print(line)
    return 0


HELP = "efter publiceringen: meddela WebSub-navet om ändrade flöden och lägg ut nya inlägg på Mastodon"


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", metavar="MAPP", help="den publicerade sajten (standard: site_dir i mkdocs.yml)")


def main(args: argparse.Namespace) -> int:
    return run(Path(args.config), Path(args.site) if args.site else None)
