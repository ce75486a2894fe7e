"""A project: one site as the engine meets it, with everything a command needs to work on it.

Its settings (mkdocs.yml), its content folder and the name messages give that folder, and its work folder with what a
build keeps between runs (compiled templates, drawn cards). The pipeline runs through it: the content read and
validated (`content`), each language's settings and generated files (`generated`, the one loop over the site's
languages), and all of them written, rendered and swapped in at once (`publish`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import generators, translated
from .contents import load, published
from .errors import ContentErrors
from .generators.cards import DRAWN
from .generators.compiled import COMPILED
from .generators.remembered import Remembered
from .readers import regular_files
from .rendering import render
from .settings import Settings, in_language, page_translation, read_settings
from .structure import Content
from .writers import WORK, clear_staging, locked, write_tree

Files = dict[str, str | bytes]


@dataclass(frozen=True)
class Project:
    settings: Settings  # the first language's, as read from config_file
    config_file: Path  # mkdocs.yml; its folder is the project's
    content_dir: Path = Path("content")
    shown_as: str = "content"  # the content folder as messages name it: as it was given on the command line

    @classmethod
    def open(
        cls,
        config_file: Path,
        content_dir: Path = Path("content"),
        shown_as: str = "content",
        site_url: str | None = None,
    ) -> Project:
        """The project of config_file; site_url replaces the one in the file, for a copy published at another address."""
        return cls(read_settings(config_file, site_url), config_file, content_dir, shown_as)

    @property
    def work(self) -> Path:
        """The work folder: staging, each language's pages, the caches and the preview; never published."""
        return self.config_file.parent / WORK

    def content(self, today: date, drafts: bool = False) -> Content:
        """The content, read and validated; as published (no drafts, nothing dated after today) unless drafts."""
        codes = [language.code for language in self.settings.languages]
        content = load(self.content_dir, self.shown_as, language=self.settings.language, languages=codes)
        return content if drafts else published(content, today)

    def languages(self) -> Iterator[Settings]:
        """Each language's settings, the first language first: each language is a site of its own."""
        for language in self.settings.languages:
            yield in_language(self.settings, language.code)

    def generated(
        self, content: Content, today: date, remembered: Remembered | None = None
    ) -> Iterator[tuple[Settings, Files]]:
        """Each language's settings and generated files, the first language first, each generated when it is asked for."""
        for site in self.languages():
            yield site, generators.generate(translated.in_language(content, site.language), site, today, remembered)

    def read_caches(self) -> None:
        read_caches(self.work)

    def publish(
        self,
        sites: list[tuple[Settings, Files]],
        site_dir: Path,
        today: date,
        engine: str | None = None,
        beside: Files | None = None,
        copies: dict[str, Path] | None = None,
    ) -> None:
        """Each language's generated files written beside copies of the hand-written pages in the work folder, and
        rendered into site_dir, which is replaced only if every language renders: under the lock of the project's
        folder, so that two builds never mix."""
        with locked(
            self.work,
            "build",
            f"Ett annat bygge pågår i {self.config_file.parent.resolve()}; väntar tills det är klart …",
            "Ett annat bygge pågår fortfarande; försök igen när det är klart.",
        ):
            staging = self.work / "staging"
            clear_staging(staging)
            folders = []
            for site, files in sites:
                # Each language's pages, the first's too, are staged in the work folder: the generated ones beside
                # copies of the hand-written ones, so that docs/ holds only what people write.
                docs = self.work / "languages" / site.language / "docs"
                write_tree(docs, in_generated(files), staging, self.hand_written(site.language))
                folders.append(docs)
            render(
                [site for site, _ in sites],
                folders,
                site_dir,
                staging,
                today,
                engine or self.settings.renderer,
                beside,
                copies,
            )
            COMPILED.write(self.work / "compiled")
            DRAWN.write(self.work / "cards")

    def docs_files(self) -> list[Path]:
        """The files of docs/, every one a regular file in it: a link, which could publish a file from anywhere on the
        computer, stops the build with its name (readers.regular_files), as one in content/ does."""
        docs_dir = self.settings.docs_dir
        if not docs_dir.is_dir():
            return []
        found, problems = regular_files(docs_dir, docs_dir.name, hidden=True)
        if problems:
            raise ContentErrors(problems)
        return found

    def hand_written(self, language: str) -> dict[str, Path]:
        """The hand-written files of docs/ as one language's site has them, by path: index.en.md as index.md in English.

        A page without a translation is the first language's; the generated folder is left out, as the build writes it
        anew.
        """
        docs_dir = self.settings.docs_dir
        files: dict[str, Path] = {}
        translations: dict[str, Path] = {}
        for path in self.docs_files():
            relative = path.relative_to(docs_dir).as_posix()
            if relative.split("/")[0] == generators.GENERATED:
                continue
            translation = page_translation(path.name)
            if translation is None:
                files[relative] = path
            elif translation[1] == language:
                translations[posixpath.join(posixpath.dirname(relative), translation[0])] = path
        return {**files, **translations}


def read_caches(work: Path) -> None:
    """What the last build in the work folder compiled and drew, so that this one does only what changed."""
    COMPILED.read(work / "compiled")
    DRAWN.read(work / "cards")


def in_generated(files: Files) -> Files:
    """Generated files by their paths under docs/: in the generated folder."""
    return {f"{generators.GENERATED}/{path}": text for path, text in files.items()}
