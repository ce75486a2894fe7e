"""Load the content folder into one validated, immutable Content, or report every problem at once."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from . import translated
from .errors import ContentError, ContentErrors, did_you_mean, explained, field_path, kind_of
from .markup import image_allowed, link_allowed, references, scheme_of
from .personaldata import EMAIL, PERSONAL_NUMBER, PHONE, scan
from .readers import LINK_REFUSED, Document, Loc, ReadError, read_markdown, read_yaml, regular_files, strings_in
from .structure import (
    MARKDOWN,
    MAX_MARKDOWN,
    PLACELESS_FORMS,
    SLUG,
    TRANSLATABLE,
    Actor,
    Commitment,
    Content,
    Indicator,
    Period,
    Record,
    Theme,
    TranslationReview,
    Update,
)
from .translations import LANGUAGE
from .vocabulary import KINDS, STATUSES

M = TypeVar("M", bound=BaseModel)

FOLDERS = {"periods": Period, "commitments": Commitment, "indicators": Indicator, "updates": Update}
REGISTRIES = {"actors.yaml": Actor, "themes.yaml": Theme}


def load(
    content_dir: Path,
    shown_as: str | None = None,
    warnings: list[ContentError] | None = None,
    language: str = "sv",
    languages: Sequence[str] | None = None,
) -> Content:
    """Read, validate and cross-reference everything under content_dir, written in language (the site's first).

    languages, where given, are the site's languages: a translation into any other is not shown, and check says so.

    Problems that stop publishing are raised together; those an editor should look at go into warnings.
    """
    loader = _Loader(content_dir, shown_as or str(content_dir))
    if not content_dir.is_dir():
        raise ContentErrors([ContentError(loader.root, 1, "-", "mappen finns inte (förväntade en mapp med innehåll)")])
    periods = loader.folder("periods", Period, ".yaml")
    actors = loader.registry("actors.yaml", Actor)
    themes = loader.registry("themes.yaml", Theme)
    commitments = loader.folder("commitments", Commitment, ".yaml")
    indicators = loader.folder("indicators", Indicator, ".yaml")
    updates = loader.folder("updates", Update, ".md")
    if not periods and not any(e.path.startswith(f"{loader.root}/periods/") for e in loader.errors):
        loader.errors.append(
            ContentError(
                f"{loader.root}/periods", 1, "-", "ingen period (förväntade minst en fil, t.ex. periods/2022-2023.yaml)"
            )
        )

    warnings = [] if warnings is None else warnings
    originals: dict[str, dict[str, tuple[Document, Any]]] = {
        name: dict(items)
        for name, items in (
            ("periods", periods),
            ("actors.yaml", actors),
            ("themes.yaml", themes),
            ("commitments", commitments),
            ("indicators", indicators),
            ("updates", updates),
        )
    }
    translations, reviews = _translations(loader, originals, warnings, language, languages)
    check = _Checker(loader.errors, warnings, loader.present, periods, commitments)
    for doc, model, loc in loader.read_items:
        check.text(doc, model, loc)
    for doc, period in periods.values():
        check.dates_in_order(doc, period.start, period.end, ("end",))
    for doc, commitment in commitments.values():
        check.commitment(doc, commitment)
    for doc, update in updates.values():
        check.update(doc, update)
    for doc, indicator in indicators.values():
        check.indicator(doc, indicator)
    if loader.errors:
        raise ContentErrors(loader.errors)

    return _assemble(
        periods=[p for _, p in periods.values()],
        actors=[a for _, a in actors.values()],
        themes=[t for _, t in themes.values()],
        commitments=[c for _, c in commitments.values()],
        updates=[u for _, u in updates.values()],
        indicators=[i for _, i in indicators.values()],
        translations=translations,
        language=language,
        reviews=reviews,
    )


def _translations(
    loader: _Loader,
    originals: Mapping[str, Mapping[str, tuple[Document, Any]]],
    warnings: list[ContentError],
    language: str,
    languages: Sequence[str] | None,
) -> tuple[dict[str, dict[str, dict[str, dict[str, object]]]], dict[str, TranslationReview]]:
    """Each language's translations under translations/<language>/, each file at the path of the file it translates.

    A translated text whose original has changed since it was reviewed (translated.SOURCE) is left out, with a warning
    where it stands: the reader is shown the current original instead, marked as in its language."""
    folder = loader.content_dir / translated.FOLDER
    found: dict[str, dict[str, dict[str, dict[str, object]]]] = {}
    reviews: dict[str, TranslationReview] = {}
    if not folder.is_dir() or folder.is_symlink():
        return found, reviews
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink() or not entry.is_dir() or not LANGUAGE.match(entry.name):
            loader.errors.append(
                ContentError(
                    loader.shown(entry),
                    1,
                    "-",
                    f"'{entry.name}' är ingen språkmapp (förväntade en mapp per språk med språkets kod, t.ex. {translated.FOLDER}/en/)",
                )
            )
            continue
        if entry.name == language:
            loader.errors.append(
                ContentError(
                    loader.shown(entry),
                    1,
                    "-",
                    f"'{entry.name}' är originalets språk: en översättning till det visas aldrig (flytta texterna till originalen)",
                )
            )
            continue
        if languages is not None and entry.name not in languages:
            # A warning, not an error: a site may leave out a language for a while and keep its translations for later.
            warnings.append(
                ContentError(
                    loader.shown(entry),
                    1,
                    "-",
                    f"'{entry.name}' är inget av sajtens språk ({', '.join(languages)}): översättningen visas inte "
                    "(lägg till språket under extra.languages i mkdocs.yml, eller ta bort mappen)",
                )
            )
        reader = _Loader(entry, loader.shown(entry))
        reader.errors, reader.read_items = loader.errors, loader.read_items
        texts: dict[str, dict[str, dict[str, object]]] = {}
        review = TranslationReview()
        for model, name in translated.FILES.items():
            schema = translated.translation_model(model)
            registry = name.endswith(".yaml")
            if not registry:
                items = reader.folder(name, schema, ".md" if model is Update else ".yaml")
            elif (entry / name).exists():
                items = reader.registry(name, schema)
            else:
                continue  # a registry that is not translated at all is no error: every translation is optional
            known = loader.present.get(name)
            for item_id, (doc, item) in items.items():
                if known is not None and item_id not in known:
                    where = (item_id,) if registry else ()
                    loader.errors.append(
                        doc.error(
                            where,
                            f"det finns inget '{item_id}' i {name} att översätta (förväntade samma {'id' if where else 'filnamn'} som originalet{did_you_mean(item_id, sorted(known))})",
                        )
                    )
                    continue
                original_doc, original = originals[name].get(item_id, (None, None))
                if (
                    not registry
                    and original_doc is not None
                    and not doc.path.endswith(original_doc.path.removeprefix(loader.root))
                ):
                    # A translation is found by its file's name, so one in another folder would be taken for the original's.
                    loader.errors.append(
                        doc.error(
                            (),
                            f"ligger inte på samma plats som originalet (förväntade {translated.FOLDER}/{entry.name}{original_doc.path.removeprefix(loader.root)})",
                        )
                    )
                    continue
                texts.setdefault(name, {})[item_id], review = _current(
                    doc,
                    item,
                    (item_id,) if registry else (),
                    original,
                    model,
                    loader.errors,
                    warnings,
                    (name, item_id),
                    review,
                )
        found[entry.name] = texts
        reviews[entry.name] = review
    return found, reviews


def _current(
    doc: Document,
    item: Any,
    where: tuple[str, ...],
    original: Any,
    model: type[Record],
    errors: list[ContentError],
    warnings: list[ContentError],
    place: tuple[str, str],
    state: TranslationReview,
) -> tuple[dict[str, object], TranslationReview]:
    """The texts of one item's translation that translate its original as it is now, and the language's review with them."""
    recorded: dict[str, str] = getattr(item, translated.SOURCE) or {}
    for name in sorted(set(recorded) - set(TRANSLATABLE[model])):
        errors.append(
            doc.error(
                (*where, translated.SOURCE, name), f"okänt fält (förväntade ett av: {', '.join(TRANSLATABLE[model])})"
            )
        )
    given = {name: getattr(item, name) for name in TRANSLATABLE[model] if getattr(item, name)}
    what_to_do = f"kör medborgarlofte reviewed {doc.path} när översättningen är granskad mot originalet"
    if given and not recorded:
        warnings.append(
            doc.error(where, f"det är inte känt vilken version av originalet översättningen gäller ({what_to_do})")
        )
        state = replace(state, unreviewed=(*state.unreviewed, place))
    current = {}
    for name, text in given.items():
        now = getattr(original, name, None)
        if name in recorded and now is not None and recorded[name] != translated.fingerprint(now):
            line = doc.body_line if name == "body" and doc.body_line else doc.line((*where, name))
            warnings.append(
                ContentError(
                    doc.path,
                    line,
                    field_path((*where, name)),
                    f"originalet har ändrats sedan översättningen granskades: sidorna visar originalet tills texten är översatt igen ({what_to_do})",
                )
            )
            state = replace(state, outdated=(*state.outdated, (*place, name)))
            continue
        # A list is translated item for item: one more or one less would say something the original does not, or put
        # a translation beside another item than its own.
        wrong = list(translated.mismatched(now, text, (name,)))
        for inside, count, expected in wrong:
            errors.append(
                doc.error(
                    (*where, *inside),
                    f"har {count} rader men originalet {expected} (förväntade en översatt rad för varje rad i originalet, i samma ordning)",
                )
            )
        if not wrong:
            current[name] = translated.aligned(now, text)
            state = replace(state, reviewed=state.reviewed + (name in recorded))
    return current, state


def published(content: Content, today: date) -> Content:
    """What the public sees on a given day: no drafts, nothing dated after today."""

    def shown(commitment: Commitment) -> Commitment:
        return commitment.model_copy(
            update={
                "history": tuple(e for e in commitment.history if e.date <= today),
                "activities": tuple(a for a in commitment.activities if a.date <= today),
            }
        )

    return _assemble(
        periods=list(content.periods.values()),
        actors=list(content.actors.values()),
        themes=list(content.themes.values()),
        commitments=[shown(c) for c in content.commitments.values()],
        updates=[u for u in content.updates if not u.draft and u.date.date() <= today],
        indicators=[
            i.model_copy(update={"values": tuple(v for v in i.values if v.date <= today)})
            for i in content.indicators.values()
        ],
        translations=content.translations,
        language=content.language,
        reviews=content.reviews,
    )


def _assemble(
    periods: list[Period],
    actors: list[Actor],
    themes: list[Theme],
    commitments: list[Commitment],
    updates: list[Update],
    indicators: list[Indicator],
    translations: Mapping[str, Any],
    language: str,
    reviews: Mapping[str, TranslationReview],
) -> Content:
    """Order everything with explicit tie-breakers and build the indexes between commitments and updates once."""
    ordered_periods = sorted(periods, key=lambda p: (p.start, p.id))
    period_rank = {p.id: rank for rank, p in enumerate(ordered_periods)}
    ordered_commitments = sorted(commitments, key=lambda c: (period_rank[c.period], c.id))
    ordered_updates = sorted(sorted(updates, key=lambda u: u.id), key=lambda u: u.date, reverse=True)

    by_commitment: dict[str, list[Update]] = defaultdict(list)
    for update in ordered_updates:
        for commitment_id in update.concerns:
            by_commitment[commitment_id].append(update)
    continued_by: dict[str, list[str]] = defaultdict(list)
    for commitment in ordered_commitments:
        if commitment.continues:
            continued_by[commitment.continues].append(commitment.id)

    return Content(
        periods=_frozen({p.id: p for p in ordered_periods}),
        actors=_frozen({a.id: a for a in actors}),
        themes=_frozen({t.id: t for t in themes}),
        commitments=_frozen({c.id: c for c in ordered_commitments}),
        updates=tuple(ordered_updates),
        indicators=_frozen({i.id: i for i in sorted(indicators, key=lambda i: i.id)}),
        updates_by_commitment=_frozen({k: tuple(v) for k, v in by_commitment.items()}),
        continued_by=_frozen({k: tuple(v) for k, v in continued_by.items()}),
        translations=_frozen(dict(translations)),
        language=language,
        reviews=_frozen(dict(reviews)),
    )


def _frozen(mapping: Mapping[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(dict(mapping))


class _Loader:
    """Reads files and validates each against its schema, collecting errors instead of stopping."""

    def __init__(self, content_dir: Path, root: str):
        self.content_dir = content_dir
        self.root = root.rstrip("/") or "."
        self.errors: list[ContentError] = []
        # Every id that exists, valid or not, so that one broken file is not reported again by each reference to it.
        self.present: dict[str, set[str] | None] = {}
        # Every item read, with its model and where it stands in its file, for the checks of all its texts.
        self.read_items: list[tuple[Document, type[BaseModel], Loc]] = []

    def shown(self, path: Path) -> str:
        return f"{self.root}/{path.relative_to(self.content_dir).as_posix()}"

    def folder(self, name: str, model: type[M], suffix: str) -> dict[str, tuple[Document, M]]:
        """One file per item, its id the file name; sub-folders are allowed for the editors' order."""
        found: dict[str, tuple[Document, M]] = {}
        present: set[str] = set()
        self.present[name] = present
        folder = self.content_dir / name
        if folder.is_symlink():
            self.errors.append(ContentError(self.shown(folder), 1, "-", LINK_REFUSED))
            return found
        for path in self.files_in(folder):
            shown = self.shown(path)
            if path.suffix not in (suffix, ".yml" if suffix == ".yaml" else suffix):
                self.errors.append(
                    ContentError(shown, 1, "-", f"okänd filtyp '{path.suffix}' (förväntade {suffix}-filer i {name}/)")
                )
                continue
            item_id = path.stem
            if not SLUG.match(item_id):
                self.errors.append(
                    ContentError(
                        shown,
                        1,
                        "id",
                        f"filnamnet '{item_id}' duger inte som id (förväntade små bokstäver a-z, siffror och bindestreck, t.ex. 'polisen-narvaro{suffix}')",
                    )
                )
                continue
            present.add(item_id)
            doc = self.read(path, shown, markdown=suffix == ".md")
            if doc is None:
                continue
            extra = {"body": doc.body} if suffix == ".md" else {}
            item = self.validate(doc, model, doc.data, (), item_id, extra)
            if item_id in found:
                self.errors.append(
                    ContentError(
                        shown,
                        1,
                        "id",
                        f"id '{item_id}' finns redan i {found[item_id][0].path} (förväntade unika filnamn)",
                    )
                )
            elif item is not None:
                found[item_id] = (doc, item)
        return found

    def files_in(self, folder: Path) -> list[Path]:
        """The files under a folder, in a fixed order; a link to elsewhere is refused, never followed."""
        found, problems = regular_files(folder, self.shown(folder))
        self.errors += problems
        return found

    def registry(self, name: str, model: type[M]) -> dict[str, tuple[Document, M]]:
        """A file of several items, keyed by id: actors.yaml, themes.yaml."""
        path = self.content_dir / name
        self.present[name] = None
        if path.is_symlink():
            self.errors.append(ContentError(self.shown(path), 1, "-", LINK_REFUSED))
            return {}
        if not path.is_file():
            self.errors.append(
                ContentError(self.shown(path), 1, "-", f"filen saknas (förväntade {name} med minst en post)")
            )
            return {}
        doc = self.read(path, self.shown(path), markdown=False)
        if doc is None:
            return {}
        found: dict[str, tuple[Document, M]] = {}
        self.present[name] = {str(key) for key in doc.data}
        for key, fields in doc.data.items():
            if not isinstance(key, str) or not SLUG.match(key):
                self.errors.append(
                    doc.error((str(key),), "duger inte som id (förväntade små bokstäver a-z, siffror och bindestreck)")
                )
                continue
            item = self.validate(doc, model, fields, (key,), key, {})
            if item is not None:
                found[key] = (doc, item)
        return found

    def read(self, path: Path, shown: str, markdown: bool) -> Document | None:
        try:
            doc = read_markdown(path, shown) if markdown else read_yaml(path, shown)
        except ReadError as exc:
            self.errors.extend(exc.errors)
            return None
        if not isinstance(doc.data, dict):
            self.errors.append(
                doc.error((), f"fick {kind_of(doc.data)} (förväntade fält med värden, ett per rad: 'namn: värde')")
            )
            return None
        return doc

    def validate(
        self, doc: Document, model: type[M], fields: Any, loc: Loc, item_id: str, extra: dict[str, Any]
    ) -> M | None:
        if not isinstance(fields, dict):
            self.errors.append(doc.error(loc, f"fick {kind_of(fields)} (förväntade fält med värden)"))
            return None
        if "id" in fields:
            self.errors.append(doc.error(loc + ("id",), "id ska inte skrivas i filen (id är filnamnet eller nyckeln)"))
            return None
        if "body" in extra and "body" in fields:
            self.errors.append(
                doc.error(loc + ("body",), "okänt fält (texten skrivs under front matter, inte som fält)")
            )
            return None
        self.read_items.append((doc, model, loc))
        try:
            return model.model_validate({**fields, "id": item_id, **extra})
        except ValidationError as exc:
            for problem in exc.errors():
                where = loc + tuple(problem["loc"])
                if where == ("body",):  # the text below the front matter
                    self.errors.append(ContentError(doc.path, doc.body_line, "text", explained(problem, model)))
                else:
                    self.errors.append(doc.error(where, explained(problem, model)))
            return None


class _Checker:
    """The rules that span fields and files: references, order of dates, required notes."""

    def __init__(
        self,
        errors: list[ContentError],
        warnings: list[ContentError],
        present: dict[str, set[str] | None],
        periods: dict[str, tuple[Document, Period]],
        commitments: dict[str, tuple[Document, Commitment]],
    ) -> None:
        self.errors, self.warnings = errors, warnings
        self.periods = {k: p for k, (_, p) in periods.items()}
        self.commitments = commitments
        self.actors, self.themes = present["actors.yaml"], present["themes.yaml"]
        self.all_periods, self.all_commitments = present["periods"], present["commitments"]

    def reference(self, doc: Document, loc: Loc, value: str, known: set[str] | None, what: str, where: str) -> None:
        """An id must name something that exists; known is None where the file listing them could not be read."""
        if known is not None and value not in known:
            self.errors.append(
                doc.error(loc, f"{what} '{value}' (förväntade ett id från {where}{did_you_mean(value, sorted(known))})")
            )

    def references(
        self,
        doc: Document,
        field: str,
        values: Iterable[str],
        known: set[str] | None,
        what: str,
        where: str,
        loc: Loc = (),
    ) -> None:
        for index, value in enumerate(values):
            self.reference(doc, loc + (field, index), value, known, what, where)

    def dates_in_order(self, doc: Document, first: date | None, last: date | None, loc: Loc) -> None:
        if first and last and last < first:
            self.errors.append(doc.error(loc, f"{last} ligger före startdagen {first} (förväntade ett senare datum)"))

    def commitment(self, doc: Document, item: Commitment) -> None:
        self.reference(doc, ("period",), item.period, self.all_periods, "okänd period", "periods/")
        self.references(doc, "actors", item.actors, self.actors, "okänd aktör", "actors.yaml")
        self.references(doc, "themes", item.themes, self.themes, "okänt tema", "themes.yaml")
        self.dates_in_order(doc, item.start, item.end, ("end",))
        period = self.periods.get(item.period)
        for name in ("start", "end"):
            day = getattr(item, name)
            if period and day and not period.start <= day <= period.end:
                self.errors.append(
                    doc.error(
                        (name,),
                        f"{day} ligger utanför perioden {period.id} (förväntade ett datum {period.start} – {period.end})",
                    )
                )
        if item.continues:
            self.reference(doc, ("continues",), item.continues, self.all_commitments, "okänt åtagande", "commitments/")
            earlier = self.commitments.get(item.continues)
            before = earlier and self.periods.get(earlier[1].period)
            if period and before and before.start >= period.start:
                self.errors.append(
                    doc.error(
                        ("continues",),
                        f"'{item.continues}' hör till perioden {before.id}, som inte är tidigare (förväntade ett åtagande från en tidigare period)",
                    )
                )
        for index, change in enumerate(item.history):
            if index and change.date < item.history[index - 1].date:
                self.errors.append(
                    doc.error(
                        ("history", index, "date"),
                        f"{change.date} kommer före föregående post {item.history[index - 1].date} (förväntade historiken i datumordning, äldst först)",
                    )
                )
            # After the end is allowed: final reports come months later, and are shown as reported after the end. It is
            # said, for a change dated the day it was written down instead of the day it happened reads as news.
            if period and change.date > period.end:
                self.warnings.append(
                    doc.error(
                        ("history", index, "date"),
                        f"{change.date} ligger efter att perioden {period.id} slutade {period.end}: "
                        "sidan visar det som rapporterat efter slutet (stämmer dagen? skriv dagen det hände, t.ex. med "
                        f"medborgarlofte new status {doc.path.rsplit('/', 1)[-1].rsplit('.', 1)[0]} STATUS --date ÅÅÅÅ-MM-DD)",
                    )
                )
            if period and change.date < period.start:
                self.errors.append(
                    doc.error(
                        ("history", index, "date"),
                        f"{change.date} ligger före perioden {period.id} (förväntade ett datum från {period.start})",
                    )
                )
            if STATUSES[change.status].needs_note and not change.note:
                self.errors.append(
                    doc.error(
                        ("history", index, "note"),
                        f"saknas: ett åtagande med status {change.status} måste förklaras (förväntade en kommentar om varför)",
                    )
                )

    def update(self, doc: Document, item: Update) -> None:
        self.references(doc, "commitments", item.commitments, self.all_commitments, "okänt åtagande", "commitments/")
        self.references(doc, "actors", item.actors, self.actors, "okänd aktör", "actors.yaml")
        if KINDS[item.kind].has_dialogue and item.dialogue is None:
            self.errors.append(
                doc.error(("dialogue",), f"saknas för {item.kind} (förväntade dialogue med held, place och form)")
            )
        if item.dialogue and item.dialogue.place is None and item.dialogue.form not in PLACELESS_FORMS:
            self.errors.append(
                doc.error(
                    ("dialogue", "place"),
                    f"saknas för {item.dialogue.form} (förväntade var dialogen hölls; bara {' och '.join(PLACELESS_FORMS)} behöver ingen plats)",
                )
            )
        if not KINDS[item.kind].has_dialogue and item.dialogue is not None:
            dialogue_kinds = " eller ".join(k for k, facts in KINDS.items() if facts.has_dialogue)
            self.errors.append(
                doc.error(
                    ("dialogue",),
                    f"hör bara till kind: {dialogue_kinds} (förväntade inget dialogue-fält för {item.kind})",
                )
            )
        for index, point in enumerate(item.dialogue.points if item.dialogue else ()):
            loc = ("dialogue", "points", index)
            self.references(
                doc, "commitments", point.commitments, self.all_commitments, "okänt åtagande", "commitments/", loc
            )

    def text(self, doc: Document, model: type[BaseModel], loc: Loc) -> None:
        """Every text of an item, whatever its kind: personal data, and the links and images of its Markdown."""
        fields = doc.data if not loc else doc.data.get(loc[0])
        if not isinstance(fields, dict):
            return
        texts = [(loc + where, value, doc.text_line(loc + where)) for where, value in strings_in(fields, ())]
        if doc.body and not loc:
            texts.append((("text",), doc.body, doc.body_line))
        markdown = {
            name
            for name, info in model.model_fields.items()
            if MARKDOWN in info.metadata or _is_markdown(info.annotation)
        }
        for where, value, first_line in texts:
            field = field_path(where)
            self.personal_data(doc.path, field, value, first_line)
            # A text over the limit is already an error; it is not parsed as well.
            if (where[len(loc)] in markdown or where == ("text",)) and len(value) <= MAX_MARKDOWN:
                self.markdown(doc.path, field, value, first_line)

    def personal_data(self, path: str, field: str, text: str, first_line: int) -> None:
        """Residents must not be exposed: refuse personnummer, point out phone numbers and e-mail addresses."""
        findings = scan(text)
        line_of = _lines(text, first_line)
        for finding in findings[:MAX_FINDINGS]:
            line = line_of(finding.start)
            if finding.kind == PERSONAL_NUMBER:
                self.errors.append(
                    ContentError(
                        path,
                        line,
                        field,
                        f"innehåller ett personnummer eller samordningsnummer, '{finding.text}' (ta bort det: sådana publiceras aldrig)",
                    )
                )
            elif finding.kind == PHONE:
                self.warnings.append(
                    ContentError(
                        path,
                        line,
                        field,
                        f"telefonnumret {finding.text} publiceras (ta bort det om det tillhör en privatperson)",
                    )
                )
            elif finding.kind == EMAIL:
                self.warnings.append(
                    ContentError(
                        path,
                        line,
                        field,
                        f"e-postadressen {finding.text} publiceras (ta bort den om den tillhör en privatperson)",
                    )
                )
        if len(findings) > MAX_FINDINGS:
            rest = findings[MAX_FINDINGS:]
            problems = self.errors if any(f.kind == PERSONAL_NUMBER for f in rest) else self.warnings
            problems.append(
                ContentError(
                    path,
                    line_of(rest[0].start),
                    field,
                    f"och {len(rest)} till av samma slag i fältet (förväntade inga personuppgifter)",
                )
            )

    def markdown(self, path: str, field: str, text: str, first_line: int) -> None:
        """Images only from the site itself; links only to the web, e-mail, telephone or the site."""
        line_of = _lines(text, first_line)
        for reference in references(text):
            line = line_of(max(text.find(reference.url), 0))
            if reference.kind == "image" and not image_allowed(reference.url):
                if scheme_of(reference.url) in (None, "http", "https"):
                    self.errors.append(
                        ContentError(
                            path,
                            line,
                            field,
                            f"bilden '{reference.url}' ligger på en annan webbplats (förväntade en bild på sajten själv, t.ex. ../../assets/bild.png; bilder från andra webbplatser talar om för dem vem som läser)",
                        )
                    )
                else:
                    self.errors.append(
                        ContentError(
                            path,
                            line,
                            field,
                            f"bilden '{reference.url}' är ingen adress till en bild (förväntade en bild på sajten själv, t.ex. ../../assets/bild.png)",
                        )
                    )
            elif reference.kind == "link" and not link_allowed(reference.url):
                self.warnings.append(
                    ContentError(
                        path,
                        line,
                        field,
                        f"länken '{reference.url}' tas bort (förväntade en adress som börjar med https://, http://, mailto: eller tel:, eller en sida på sajten)",
                    )
                )

    def indicator(self, doc: Document, item: Indicator) -> None:
        self.references(doc, "commitments", item.commitments, self.all_commitments, "okänt åtagande", "commitments/")
        for index in range(1, len(item.values)):
            if item.values[index].date <= item.values[index - 1].date:
                self.errors.append(
                    doc.error(
                        ("values", index, "date"),
                        f"{item.values[index].date} kommer inte efter föregående värde {item.values[index - 1].date} (förväntade ett värde per datum, äldst först)",
                    )
                )


MAX_FINDINGS = 20  # personal data named one by one in a field; the rest are counted


def _lines(text: str, first_line: int) -> Callable[[int], int]:
    """The line of a position in a text that begins on first_line, found without counting from the start each time."""
    breaks = [n for n, char in enumerate(text) if char == "\n"] if "\n" in text else []
    return lambda position: first_line + bisect.bisect_left(breaks, position)


def _is_markdown(annotation: Any) -> bool:
    return any(arg is MARKDOWN or _is_markdown(arg) for arg in get_args(annotation))
