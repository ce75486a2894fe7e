"""The web editor at /admin/ for the people who write content: Decap CMS, its forms made from the content model's JSON Schemas.

Every field of every kind of file becomes a form field, so that the forms cannot drift from the format:
a status or a kind is a list to choose from (its Swedish label from the vocabulary), an id of another item a
choice among those items, a Markdown text Decap's Markdown editor. Decap's own files come from npm, as the lock file in
decap/ pins them, and are copied into the package (decap/dist/) before it is built, so that an installed engine builds a
site with its editor on Python alone; they are served from the site itself: nothing is asked of a third party.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, get_origin

import yaml
from filelock import FileLock

from . import addresses as at
from . import translated
from .generators import presentation
from .languages import direction, language_name
from .schemas import file_schemas
from .settings import Editor, Settings
from .structure import MARKDOWN as MARKDOWN_TEXT
from .structure import MAX_LINE, MOMENT_PATTERN, SLUG, TRANSLATABLE, Record
from .vocabulary import BETTER, FORMS, KINDS, LEVELS, STATUSES

# Decap's own files come from npm, as the lock file beside the start script pins them, installed once per machine and
# lock file in the user's cache (MEDBORGARLOFTE_CACHE, or XDG_CACHE_HOME/medborgarlofte): every site on the machine shares it.
SOURCES = Path(__file__).resolve().parent / "decap"
# The files a reader's browser loads at /admin/, copied out of that installation by `make editor` (stage), and so part
# of the wheel: a build needs neither Node.js nor npm. Only decap-server, which `edit` runs, needs Node.js.
BROWSER_FILES = SOURCES / "dist"
STAGED = BROWSER_FILES / "package-lock.json"  # the lock file they were installed from, copied last: the copy is whole
NO_NPM = (
    "Redigeraren (Decap CMS) installeras från npm, som saknas på datorn: installera Node.js och npm "
    "(till exempel: sudo apt-get install nodejs npm), eller ta bort extra.editor ur mkdocs.yml."
)
NOT_STAGED = (
    "Redigerarens filer (Decap CMS) finns inte i motorn: kör make editor i motorns förråd, eller installera motorn "
    "från dess wheel, som har dem med; eller ta bort extra.editor ur mkdocs.yml."
)
NO_NODE = (
    "Redigeraren på den här datorn sparar med decap-server, som kräver Node.js och npm: installera dem "
    "(till exempel: sudo apt-get install nodejs npm). Bygget och sajten behöver dem inte."
)

# The files of the content folder, one collection each; actors and themes are one file each, keyed by id.
FOLDER_COLLECTIONS = {
    "periods": "period.schema.json",
    "commitments": "commitment.schema.json",
    "indicators": "indicator.schema.json",
}
REGISTRY_COLLECTIONS = {"actors": "actors.schema.json", "themes": "themes.schema.json"}
REGISTRY_FORMAT = (
    "keyed-yaml"  # registered by editor/start.js: a file of items keyed by id, edited as a list of items with an id
)
REGISTRY_LIST = "items"
# A translation's formats (start.js): the file has the translation's texts and fingerprints only; the fields that say
# which original a new translation translates (ORIGINAL, and a commitment's period) name its file and are not written.
TRANSLATION_FORMATS = {"yaml": "translation-yaml", "md": "translation-frontmatter"}
ORIGINAL = "original"
REVIEW_WIDGET = "review"  # start.js: the original's Swedish texts beside the form, and the translator's "reviewed"
TRANSLATION_SCHEMAS = {
    "periods": "translation-period.schema.json",
    "commitments": "translation-commitment.schema.json",
    "indicators": "translation-indicator.schema.json",
    "updates": "translation-update.schema.json",
    "actors": "translation-actors.schema.json",
    "themes": "translation-themes.schema.json",
}

# What an id in a field names: the field's name says it, in every kind of file.
REFERS_TO = {
    "period": "periods",
    "actors": "actors",
    "themes": "themes",
    "commitments": "commitments",
    "continues": "commitments",
}

# The forms' words: staff read them, in Swedish (Decap's own words are its Swedish locale).
COLLECTION_LABELS = {
    "updates": ("Uppdateringar", "Uppdatering"),
    "periods": ("Perioder", "Period"),
    "commitments": ("Åtaganden", "Åtagande"),
    "indicators": ("Indikatorer", "Indikator"),
    "actors": ("Aktörer", "Aktör"),
    "themes": ("Teman", "Tema"),
}
FIELD_LABELS = {
    "activities": "Aktiviteter",
    "actors": "Aktörer",
    "background": "Lägesbild",
    "better": "Bättre är",
    "body": "Text",
    "channels": "Kanaler",
    "commitments": "Åtaganden",
    "continues": "Fortsätter åtagandet",
    "count": "Antal",
    "date": "Datum",
    "description": "Beskrivning",
    "dialogue": "Dialogen",
    "draft": "Utkast (publiceras inte)",
    "duration": "Längd i minuter",
    "end": "Slutdag",
    "example": "Exempel (påhittad uppgift)",
    "easy_read": "Lättläst text",
    "focus": "Inriktning",
    "follow_up": "Uppföljning",
    "form": "Form",
    "groups": "Grupper som deltog",
    "held": "Hölls",
    "history": "Statusändringar",
    "id": "Id",
    "kind": "Typ",
    "level": "Nivå",
    "name": "Namn",
    "note": "Kommentar",
    "organisation": "Organisation",
    "participants": "Antal deltagare",
    "period": "Period",
    "place": "Plats",
    "points": "Ni sa – vi gör",
    "progress": "Hur långt arbetet kommit (procent)",
    "raised": "Ni sa",
    "response": "Vi gör",
    "short_name": "Kort namn",
    "signatories": "Undertecknare",
    "signed": "Undertecknat",
    "source": "Källa",
    "start": "Startdag",
    "status": "Status",
    "summary": "Sammanfattning",
    "text": "Vad som gjordes",
    "themes": "Teman",
    "title": "Rubrik",
    "translated_from": "Granskad mot originalet",
    "unit": "Enhet",
    "url": "Webbadress",
    "value": "Värde",
    "values": "Uppmätta värden",
}
# One item of a list, as its button and its count say it: "Lägg till statusändring", "4 statusändringar".
ITEM_LABELS = {
    "history": "Statusändring",
    "activities": "Aktivitet",
    "values": "Uppmätt värde",
    "points": "Punkt",
    "signatories": "Undertecknare",
}
# Where a field's name means something else in one kind of item: a signatory's title is the post they hold.
OWN_LABELS = {("Signatory", "title"): "Befattning", ("SignatoryTranslation", "title"): "Befattning"}
# The Swedish labels of the choices a field offers, from the vocabulary's tables.
CHOICES = {
    "status": {name: facts.label for name, facts in STATUSES.items()},
    "kind": {name: facts.singular for name, facts in KINDS.items()},
    "form": FORMS,
    "level": LEVELS,
    "better": BETTER,
}
# Decap's Markdown editor as plain Markdown: its rich-text mode escapes Markdown typed into it, and rewrites the
# Markdown of a text it opens. No pictures and no components: the site's renderer shows neither.
MARKDOWN = {"widget": "markdown", "modes": ["raw"], "editor_components": [], "sanitize_preview": True}
UPLOADS = "editor/uppladdat"
DAY_FORMAT = "YYYY-MM-DD"
MOMENT_FORMAT = "YYYY-MM-DD HH:mm"


def generate(settings: Settings, editor: Editor) -> dict[str, str | bytes]:
    """The editor's page and its configuration, by path from the site's root."""
    # The page runs start.js, which loads decap-cms.js from beside it (installed_files copies both).
    beside = {
        name: address.removeprefix(at.EDITOR_FOLDER)
        for name, address in (("start", at.EDITOR_START), ("config", at.EDITOR_CONFIG))
    }
    return {
        # Without a sign-in server of the site's own, Decap would send staff to Netlify's: start.js then loads Decap only on
        # this computer (make edit), and elsewhere the page says what must be set up.
        at.EDITOR_PAGE: presentation.standalone(settings.first_language)
        .get_template("editor.html.j2")
        .render(site_name=settings.name, sign_in="github" if editor.auth_url else "local", **beside),
        at.EDITOR_CONFIG: yaml.dump(
            configuration(settings, editor), Dumper=_Plain, allow_unicode=True, sort_keys=False, width=1000
        ),
    }


class NotInstalled(Exception):
    """Decap could not be installed from npm; the text says why and what to do, in Swedish."""


class _Plain(yaml.SafeDumper):
    """Every value written out where it stands: no anchors and aliases for values that happen to be the same object."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def installed_folder() -> Path:
    """Where this lock file's packages are installed: a folder named by the lock file's fingerprint."""
    cache = (
        os.environ.get("MEDBORGARLOFTE_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "medborgarlofte"
    )
    fingerprint = hashlib.sha256((SOURCES / "package-lock.json").read_bytes()).hexdigest()[:16]
    return Path(cache) / f"decap-{fingerprint}"


def install() -> Path:
    """Decap's packages, installed with npm ci where they are not yet: whole or not at all, one installation at a time."""
    folder = installed_folder()
    if (folder / "node_modules" / ".package-lock.json").is_file():
        return folder
    npm = shutil.which("npm")
    if npm is None:
        raise NotInstalled(NO_NPM)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder) + ".lock"):
        if (folder / "node_modules" / ".package-lock.json").is_file():
            return folder
        print("Installerar redigeraren (Decap CMS) från npm ...", file=sys.stderr)
        work = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
        try:
            for name in ("package.json", "package-lock.json"):
                shutil.copyfile(SOURCES / name, work / name)
            done = subprocess.run(
                [npm, "ci", "--silent", "--no-audit", "--no-fund"], cwd=work, capture_output=True, text=True
            )
            if done.returncode:
                raise NotInstalled(
                    f"Redigeraren (Decap CMS) kunde inte installeras från npm: {(done.stderr or done.stdout).strip()[-500:]}"
                )
            shutil.rmtree(folder, ignore_errors=True)
            work.rename(folder)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return folder


def decap_server() -> Path:
    """decap-server, which saves what the editor on this computer writes into content/ (the edit command)."""
    return install() / "node_modules" / "decap-server" / "dist" / "index.js"


def _from_npm(modules: Path) -> dict[str, Path]:
    """Decap's script, the chunks and WebAssembly it loads from beside it and its licence, and the YAML library, by their
    paths in the editor's folder of the site, from an installation of the lock file's packages."""
    decap, yaml_library = modules / "decap-cms" / "dist", modules / "yaml" / "browser" / "dist"
    files = {
        path.name: path
        for path in sorted(decap.iterdir())
        if path.name.endswith(("decap-cms.js", ".wasm")) or path.name == "decap-cms.js.LICENSE.txt"
    }
    files.update(
        {f"yaml/{path.relative_to(yaml_library).as_posix()}": path for path in sorted(yaml_library.rglob("*.js"))}
    )
    return files


def stage() -> None:
    """Copy the browser's files of the lock file's installation into the package (BROWSER_FILES), whole or not at all,
    where they are not already those of this lock file."""
    lock = (SOURCES / "package-lock.json").read_bytes()
    if STAGED.is_file() and STAGED.read_bytes() == lock:
        return
    work = Path(tempfile.mkdtemp(prefix=".dist-", dir=SOURCES))
    try:
        for relative, path in _from_npm(install() / "node_modules").items():
            (work / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, work / relative)
        (work / STAGED.name).write_bytes(lock)
        shutil.rmtree(BROWSER_FILES, ignore_errors=True)
        work.rename(BROWSER_FILES)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def installed_files() -> dict[str, Path]:
    """The files copied as they are, by path from the site's root: the start script and the Swedish words it gives Decap,
    and the browser's files of Decap and the YAML library that the package carries."""
    if not STAGED.is_file() or STAGED.read_bytes() != (SOURCES / "package-lock.json").read_bytes():
        raise NotInstalled(NOT_STAGED)
    files = {
        at.EDITOR_START: SOURCES / "start.js",
        at.EDITOR_WORDS: SOURCES / "svenska.js",
        at.EDITOR_TRANSLATING: SOURCES / "translating.js",
    }
    files.update(
        {
            f"{at.EDITOR_FOLDER}{path.relative_to(BROWSER_FILES).as_posix()}": path
            for path in sorted(BROWSER_FILES.rglob("*"))
            if path.is_file() and path != STAGED
        }
    )
    return files


def configuration(settings: Settings, editor: Editor) -> dict[str, Any]:
    """Decap's config.yml: where it saves, in which words, and one collection per kind of file."""
    backend: dict[str, Any] = {"name": "github", "repo": editor.repo, "branch": editor.branch}
    if editor.auth_url:
        backend["base_url"] = editor.auth_url
    schemas = file_schemas()
    return {
        "locale": "sv",
        "backend": backend,
        # Every change is a pull request, which the publishing workflow checks before anyone merges it.
        "publish_mode": "editorial_workflow",
        # On 127.0.0.1 only: decap-server saves to a copy on this computer (handbok/skriva-och-publicera.md).
        "local_backend": True,
        "site_url": settings.root_url,
        "display_url": settings.root_url,
        # Decap needs a folder for uploads, though the forms take no pictures and the page hides its Media button. A file
        # put there all the same is never published: it is neither in docs/, which MkDocs copies, nor in content/.
        "media_folder": UPLOADS,
        # File names from titles: a-z, digits and hyphens, as ids are (å, ä, ö as a, a, o).
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            *(_updates(kind, schemas["update.schema.json"]) for kind in KINDS),
            _commitments(schemas["commitment.schema.json"]),
            *(_folder(name, schemas[schema]) for name, schema in FOLDER_COLLECTIONS.items() if name != "commitments"),
            *(_registry(name, schemas[schema]) for name, schema in REGISTRY_COLLECTIONS.items()),
            # Translators' forms, one set per language after the first: each text of an original beside its translation.
            *(
                collection
                for language in settings.languages[1:]
                for collection in _translations(language.code, schemas)
            ),
        ],
    }


def _translations(language: str, schemas: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One collection per kind of file for translations into language, writing the files under content/translations/."""
    in_swedish = language_name(language, "sv")
    found: list[dict[str, Any]] = []
    for model, file in translated.FILES.items():
        kind = file.removesuffix(".yaml")
        plural, singular = COLLECTION_LABELS[kind]
        schema = schemas[TRANSLATION_SCHEMAS[kind]]
        common: dict[str, Any] = {
            "name": f"{language}-{kind}",
            "label": f"{plural} på {in_swedish}",
            "label_singular": f"{singular.lower()} på {in_swedish}",
        }
        if file.endswith(
            ".yaml"
        ):  # actors.yaml, themes.yaml: one translation of every item, keyed by id as the original
            item = schema["$defs"][schema["additionalProperties"]["$ref"].split("/")[-1]]
            id_field = {
                "name": "id",
                "label": FIELD_LABELS["id"],
                "widget": "relation",
                "required": True,
                "collection": kind,
                "file": kind,
                "value_field": f"{REGISTRY_LIST}.*.id",
                "search_fields": [f"{REGISTRY_LIST}.*.name"],
                "display_fields": [f"{REGISTRY_LIST}.*.name"],
            }
            item_fields = [
                field | {"required": False} for field in _fields(item, schema) if field["name"] != translated.SOURCE
            ]
            found.append(
                {
                    **common,
                    "format": REGISTRY_FORMAT,
                    "extension": "yaml",
                    "editor": {"preview": False},
                    "files": [
                        {
                            "name": f"{language}-{kind}",
                            "label": common["label"],
                            "file": f"content/{translated.FOLDER}/{language}/{file}",
                            "fields": [
                                {
                                    "name": REGISTRY_LIST,
                                    "label": plural,
                                    "label_singular": singular,
                                    "widget": "list",
                                    "summary": "{{fields.id}}",
                                    "fields": [id_field, *item_fields],
                                }
                            ],
                        }
                    ],
                }
            )
            continue
        extension = "md" if kind == "updates" else "yaml"
        # Every text of a translation is optional: what it does not give is shown in Swedish, marked as Swedish.
        fields = [
            field | {"required": False} for field in _fields(schema, schema) if field["name"] != translated.SOURCE
        ]
        if extension == "md":
            fields.append({"name": "body", "label": FIELD_LABELS["body"], "required": False, **MARKDOWN})
        original: dict[str, Any] = {
            "name": ORIGINAL,
            "label": f"{singular} som översätts",
            "required": False,
            "hint": "För en ny översättning: vad den översätter. Filen får originalets namn.",
        }
        if kind == "updates":  # the updates are one collection per kind: named by their file
            original |= {
                "widget": "string",
                "pattern": [SLUG.pattern, "Uppdateringens filnamn utan .md, t.ex. 2022-05-informationsbrev-1"],
            }
        else:
            original |= {
                "widget": "relation",
                "collection": kind,
                "multiple": False,
                "options_length": 500,
                "value_field": "{{filename}}",
                "search_fields": ["title"],
                "display_fields": ["title"],
            }
        texts = _texts(model)
        review = {
            "name": translated.SOURCE,
            "label": FIELD_LABELS[translated.SOURCE],
            "required": False,
            "widget": REVIEW_WIDGET,
            # Any collection of updates reads any update's file: they are one folder.
            "original": kind if kind != "updates" else KINDS[next(iter(KINDS))].page,
            "language": language,
            "language_name": in_swedish,
            "direction": direction(language),
            "texts": texts,
            "labels": {name: _label(name) for name in _names(texts)},
        }
        collection: dict[str, Any] = {
            **common,
            "editor": {"preview": True},  # the original beside the form (start.js)
            "folder": f"content/{translated.FOLDER}/{language}/{kind}",
            "extension": extension,
            "format": TRANSLATION_FORMATS[extension],
            "create": True,
            "identifier_field": ORIGINAL,
            "slug": f"{{{{fields.{ORIGINAL}}}}}",
            "summary": "{{filename}}",
            "fields": [original, review, *fields],
        }
        if kind == "commitments":  # in a folder per period, as the originals
            collection["path"] = "{{period}}/{{slug}}"
            collection["fields"].insert(
                1,
                {
                    "name": "period",
                    "label": FIELD_LABELS["period"],
                    "required": False,
                    **_relation("period", multiple=False),
                },
            )
        found.append(collection)
    return found


def _names(texts: dict[str, Any]) -> list[str]:
    """The names of the texts, items' too, in their order (the same every build)."""
    found = list(texts)
    for spec in texts.values():
        if isinstance(spec, dict):
            found += [name for inner in spec.values() for name in _names(inner) if name not in found]
    return found


def _label(name: str) -> str:
    return ITEM_LABELS.get(name, FIELD_LABELS[name])


def _texts(model: type[Record]) -> dict[str, Any]:
    """What the review widget reads of an original: each translatable text, as translated.fingerprint reads it (a Markdown
    text as it is, another text trimmed, a list a line each, items within by their own texts, a list of them in order)."""
    texts: dict[str, Any] = {}
    for name in TRANSLATABLE[model]:
        info = model.model_fields[name]
        within = translated.nested(info.annotation)
        if within is not None:
            texts[name] = {"items" if within[1] else "item": _texts(within[0])}
        elif MARKDOWN_TEXT in info.metadata or any(
            MARKDOWN_TEXT in getattr(arg, "__metadata__", ()) for arg in getattr(info.annotation, "__args__", ())
        ):
            texts[name] = "markdown"
        elif get_origin(info.annotation) is tuple:
            texts[name] = "lines"
        else:
            texts[name] = "text"
    return texts


def _updates(kind: str, schema: dict[str, Any]) -> dict[str, Any]:
    """One collection per kind of update, all in content/updates/; a medborgardialog's form has its dialogue."""
    facts = KINDS[kind]
    fields = [field for field in _fields(schema, schema) if field["name"] != "dialogue" or facts.has_dialogue]
    for field in fields:
        if field["name"] == "kind":
            field["default"] = kind
        if field["name"] == "dialogue":
            field["required"] = True
    fields.append({"name": "body", "label": FIELD_LABELS["body"], "required": False, **MARKDOWN})
    return {
        "name": facts.page,
        "label": facts.plural,
        "label_singular": facts.singular,
        "folder": "content/updates",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "filter": {"field": "kind", "value": kind},
        "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",  # as `new` names a file: its full date, then its title
        "summary": "{{date | date('YYYY-MM-DD')}} {{title}}",
        "sortable_fields": ["date", "title"],
        "editor": {"preview": False},
        "fields": fields,
    }


def _commitments(schema: dict[str, Any]) -> dict[str, Any]:
    """Commitments, in a folder per period: content/commitments/PERIOD/ID.yaml."""
    return {**_folder("commitments", schema), "path": "{{period}}/{{slug}}"}


def _folder(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    plural, singular = COLLECTION_LABELS[name]
    return {
        "name": name,
        "label": plural,
        "label_singular": singular,
        "folder": f"content/{name}",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "sortable_fields": ["title"],
        "editor": {"preview": False},
        "fields": _fields(schema, schema),
    }


def _registry(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """actors.yaml and themes.yaml: the items of one file, each with its id, as a list in one form."""
    plural, singular = COLLECTION_LABELS[name]
    item = schema["additionalProperties"]
    item_schema = schema["$defs"][item["$ref"].split("/")[-1]]
    id_field = {
        "name": "id",
        "label": FIELD_LABELS["id"],
        "widget": "string",
        "required": True,
        "hint": "Kort namn i adresser och i andra filer: små bokstäver a-z, siffror och bindestreck.",
        "pattern": [SLUG.pattern, "Små bokstäver a-z, siffror och bindestreck, t.ex. 'polisen'."],
    }
    return {
        "name": name,
        "label": plural,
        "label_singular": singular,
        "format": REGISTRY_FORMAT,
        "extension": "yaml",
        "editor": {"preview": False},
        "files": [
            {
                "name": name,
                "label": plural,
                "file": f"content/{name}.yaml",
                "fields": [
                    {
                        "name": REGISTRY_LIST,
                        "label": plural,
                        "label_singular": singular,
                        "widget": "list",
                        "summary": "{{fields.name}}",
                        "fields": [id_field, *_fields(item_schema, schema)],
                    }
                ],
            }
        ],
    }


def _fields(schema: dict[str, Any], root: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(schema.get("required", ()))
    return [
        _field(name, prop, name in required, root, OWN_LABELS.get((schema.get("title", ""), name), FIELD_LABELS[name]))
        for name, prop in schema["properties"].items()
    ]


def _field(name: str, prop: dict[str, Any], required: bool, root: dict[str, Any], label: str) -> dict[str, Any]:
    """One form field from its JSON Schema: the widget that writes what the schema accepts."""
    prop = next((option for option in prop.get("anyOf", ()) if option.get("type") != "null"), prop) | {
        key: value for key, value in prop.items() if key in ("description", "default")
    }
    field: dict[str, Any] = {"name": name, "label": label, "required": required, **_widget(name, prop, root)}
    # The model's description where it says more than the label, and is not about the file: a choice among items or
    # options is not an id or a name to write, a toggle not a true to write.
    said = prop.get("description", "")
    if (
        said
        and said.rstrip(".").lower() != field["label"].lower()
        and field["widget"] not in ("relation", "boolean", "select")
    ):
        field["hint"] = said
    return field


def _widget(name: str, prop: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in prop:
        return {"widget": "object", "collapsed": False, "fields": _fields(_definition(prop["$ref"], root), root)}
    if prop.get("type") == "array":
        items = prop["items"]
        items = next(
            (option for option in items.get("anyOf", ()) if option.get("type") != "null"), items
        )  # a translation's item may be empty
        if "$ref" in items:
            fields = _fields(_definition(items["$ref"], root), root)
            # Each item shown closed by its first two fields: a status change by its date and status.
            summary = " ".join(f"{{{{fields.{field['name']}}}}}" for field in fields[:2])
            return {
                "widget": "list",
                "collapsed": True,
                "summary": summary,
                "fields": fields,
                "label_singular": ITEM_LABELS.get(name, FIELD_LABELS[name]),
            }
        if items.get("pattern") == SLUG.pattern:
            return _relation(name, multiple=True)
        return {"widget": "list", "field": {"name": name, "label": FIELD_LABELS[name], "widget": "string"}}
    if prop.get("pattern") == SLUG.pattern:
        return _relation(name, multiple=False)
    if "enum" in prop:
        labels = CHOICES.get(name, {})
        return {
            "widget": "select",
            "options": [{"label": str(labels.get(value, value)), "value": value} for value in prop["enum"]],
        }
    if prop.get("contentMediaType") == "text/markdown":
        return {**MARKDOWN}
    if prop.get("format") == "date":
        return {
            "widget": "datetime",
            "format": DAY_FORMAT,
            "date_format": DAY_FORMAT,
            "time_format": False,
            "picker_utc": True,
        }
    if prop.get("pattern") == MOMENT_PATTERN:
        return {"widget": "datetime", "format": MOMENT_FORMAT, "date_format": DAY_FORMAT, "time_format": "HH:mm"}
    if prop.get("type") == "boolean":
        return {"widget": "boolean"}
    if prop.get("type") in ("integer", "number"):
        limits = {key: prop[key] for key in ("minimum", "maximum") if key in prop}
        return {
            "widget": "number",
            "value_type": "int" if prop["type"] == "integer" else "float",
            **{"min" if key == "minimum" else "max": value for key, value in limits.items()},
        }
    if prop.get("format") == "uri":
        return {"widget": "string", "pattern": ["^https?://\\S+$", "En webbadress som börjar med https://"]}
    if "pattern" in prop:
        return {"widget": "string", "pattern": [prop["pattern"], prop.get("description", "")]}
    return {"widget": "string" if prop.get("maxLength", MAX_LINE) <= MAX_LINE else "text"}


def _relation(name: str, multiple: bool) -> dict[str, Any]:
    """A choice among the items another field names by id: a period, commitments, actors, themes."""
    collection = REFERS_TO[name]
    if collection in REGISTRY_COLLECTIONS:
        found = {
            "file": collection,
            "value_field": f"{REGISTRY_LIST}.*.id",
            "search_fields": [f"{REGISTRY_LIST}.*.name", f"{REGISTRY_LIST}.*.id"],
            "display_fields": [f"{REGISTRY_LIST}.*.name"],
        }
    else:
        found = {
            "value_field": "{{filename}}",
            "search_fields": ["title"],
            "display_fields": ["title"],
        }  # an id is the file name, without its folder
    return {"widget": "relation", "collection": collection, "multiple": multiple, "options_length": 500, **found}


def _definition(ref: str, root: dict[str, Any]) -> dict[str, Any]:
    definition: dict[str, Any] = root["$defs"][ref.split("/")[-1]]
    return definition
