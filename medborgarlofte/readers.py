"""Read content files into plain data, remembering the line on which every field stands."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from .errors import ContentError, field_path

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000  # one content file; a letter of twenty pages is a tenth of it
MAX_DEPTH = 12  # fields within fields; the deepest in the format is dialogue.points[].commitments[]
# Control characters other than tab and line break, and the two non-characters, are never text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\ufffe\uffff]")
# Embeddings and overrides (U+202A-U+202E) are refused with the control characters: they reverse the text around them
# (the "Trojan Source" characters). Isolates may stand, when each that opens (U+2066-U+2068) is closed (U+2069).
_REORDERING = frozenset("\u202a\u202b\u202c\u202d\u202e")
_ISOLATES = re.compile(r"[\u2066-\u2069]")

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, leaving dates as text so that the schema checks them and names the field."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Document:
    """One file's data, the line of each field (by its path in the data) and, for Markdown, its body."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 0  # the line of the file on which the body begins
    text_lines: dict[Loc, int] = field(
        default_factory=dict
    )  # where a block scalar's (|, >) text begins: the line after its field

    def text_line(self, loc: Loc) -> int:
        """The line on which the text of the field at loc begins."""
        return self.text_lines.get(loc) or self.line(loc)

    def line(self, loc: Loc) -> int:
        """The line of the field at loc, or of the nearest enclosing field that exists."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1

    def error(self, loc: Loc, message: str) -> ContentError:
        return ContentError(self.path, self.line(loc), field_path(loc), message)


class ReadError(Exception):
    def __init__(self, *errors: ContentError):
        self.errors = errors


def read_yaml(path: Path, shown_as: str) -> Document:
    text = _read_text(path, shown_as)
    hidden = list(_control_characters(text))
    data, lines, text_lines = _parse(_CONTROL.sub("?", text), shown_as, first_line=1)
    doc = Document(shown_as, data, lines, text_lines=text_lines)
    _refuse_control_characters(doc, hidden)
    return doc


def read_markdown(path: Path, shown_as: str) -> Document:
    """A Markdown file that opens with YAML front matter between two '---' lines."""
    text = _read_text(path, shown_as)
    rows = text.split("\n")
    if rows[0].rstrip() != "---":
        raise ReadError(
            ContentError(
                shown_as, 1, "-", "filen ska börja med front matter: en rad med '---' (förväntade '---' på rad 1)"
            )
        )
    for number, row in enumerate(rows[1:], start=2):
        if row.rstrip() == "---":
            front_matter = "\n".join(rows[1 : number - 1])
            hidden = list(_control_characters(text))
            data, lines, text_lines = _parse(_CONTROL.sub("?", front_matter), shown_as, first_line=2)
            body = "\n".join(rows[number:])
            skipped = len(body) - len(body.lstrip("\n"))
            doc = Document(
                shown_as, data, lines, body=body.strip() + "\n", body_line=number + 1 + skipped, text_lines=text_lines
            )
            _refuse_control_characters(doc, hidden)
            return doc
    raise ReadError(
        ContentError(shown_as, 1, "-", "front matter avslutas aldrig (förväntade en rad med '---' efter fälten)")
    )


def _read_text(path: Path, shown_as: str) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ReadError(
            ContentError(
                shown_as,
                1,
                "-",
                f"filen är {-(-size // 1000)} kB (förväntade högst {MAX_FILE_BYTES // 1000} kB; dela upp texten eller korta den)",
            )
        )
    with path.open("rb") as file:
        raw = file.read(MAX_FILE_BYTES + 1)  # the file may grow after it was measured
    if len(raw) > MAX_FILE_BYTES:
        raise ReadError(
            ContentError(
                shown_as, 1, "-", f"filen är större än {MAX_FILE_BYTES // 1000} kB (dela upp texten eller korta den)"
            )
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ReadError(
            ContentError(shown_as, 1, "-", "filen börjar med ett osynligt BOM-tecken (spara den som UTF-8 utan BOM)")
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(
            ContentError(shown_as, line, "-", "filen är inte i teckenkodningen UTF-8 (spara den som UTF-8)")
        ) from None
    if not text.strip():
        raise ReadError(ContentError(shown_as, 1, "-", "filen är tom (förväntade fält med värden)"))
    return text.replace("\r\n", "\n")


@functools.lru_cache(
    maxsize=16384
)  # the preview reads every file again on every save; most are as they were (nothing changes what it gives)
def _parse(text: str, shown_as: str, first_line: int) -> tuple[Any, dict[Loc, int], dict[Loc, int]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ReadError(ContentError(shown_as, first_line, "-", "inga fält (förväntade fält med värden)"))
        # The node tree is checked before it becomes data: an alias bomb is small as nodes and huge as data.
        lines: dict[Loc, int] = {}
        text_lines: dict[Loc, int] = {}
        problems: list[ContentError] = []
        _walk(node, (), first_line, lines, text_lines, problems, shown_as)
        if problems:
            raise ReadError(*problems)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        raise ReadError(ContentError(shown_as, line, "-", _explain_yaml(exc))) from None
    except yaml.YAMLError as exc:
        raise ReadError(ContentError(shown_as, first_line, "-", f"ogiltig YAML: {exc}")) from None
    finally:
        loader.dispose()
    return data, lines, text_lines


_REFERENCE_REFUSED = "en YAML-referens (*namn) används (förväntade värdet utskrivet; referenser tillåts inte)"


def _walk(
    root: yaml.Node,
    loc: Loc,
    first_line: int,
    lines: dict[Loc, int],
    text_lines: dict[Loc, int],
    problems: list[ContentError],
    shown_as: str,
) -> None:
    """The line of every field and of every block scalar's text; repeated fields, aliases (*namn) and too deep nesting are problems."""
    seen_nodes: set[int] = set()
    stack = [(root, loc, first_line + root.start_mark.line)]
    while stack:
        node, loc, line = stack.pop()
        lines.setdefault(loc, line)
        if id(node) in seen_nodes:
            # One message is enough: references are refused whole, and a bomb holds thousands.
            problems.append(
                ContentError(
                    shown_as,
                    line,
                    field_path(loc),
                    _REFERENCE_REFUSED,
                )
            )
            return
        seen_nodes.add(id(node))
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            text_lines[loc] = (
                first_line + node.start_mark.line + 1
            )  # the mark is at the indicator; the text starts below it
        if len(loc) > MAX_DEPTH:
            problems.append(
                ContentError(
                    shown_as, line, field_path(loc), f"för djupt nästlade fält (förväntade högst {MAX_DEPTH} nivåer)"
                )
            )
            continue
        children: list[tuple[yaml.Node, Loc, int]] = []
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                key_line = first_line + key_node.start_mark.line
                if key in keys:
                    problems.append(
                        ContentError(
                            shown_as,
                            key_line,
                            field_path(loc + (key,)),
                            f"fältet står redan på rad {keys[key]} (förväntade varje fält en gång)",
                        )
                    )
                keys[key] = key_line
                lines[loc + (key,)] = key_line
                children.append((value_node, loc + (key,), key_line))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                # A reference has no place of its own in the node tree: name the line of what holds it.
                children.append(
                    (item, loc + (index,), line if id(item) in seen_nodes else first_line + item.start_mark.line)
                )
        stack.extend(reversed(children))  # in the order they are written


# The tags mkdocs.yml may hold: YAML's own, MkDocs' !ENV and !relative, and the Python functions that Material's and
# PyMdown's documentation name for their options. Any other tag is refused before anything is made of the file: MkDocs'
# own loader would run the code a tag names (!!python/object/apply:os.system).
_YAML_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
SETTINGS_TAGS = frozenset({"!ENV", "!relative"})
SETTINGS_FUNCTIONS = frozenset(
    {
        "material.extensions.emoji.twemoji",
        "material.extensions.emoji.to_svg",
        "pymdownx.superfences.fence_code_format",
        "pymdownx.slugs.uslugify",
    }
)
_PYTHON_NAME = "tag:yaml.org,2002:python/name:"


def settings_problems(text: str, shown_as: str) -> list[ContentError]:
    """What keeps a settings file (mkdocs.yml) from being read safely, each with its line: a tag that is not allowed,
    a reference (*namn), too deep nesting. Its nodes are composed only, never made into values."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return [ContentError(shown_as, 1 + (mark.line if mark else 0), "-", _explain_yaml(exc))]
    except yaml.YAMLError as exc:
        return [ContentError(shown_as, 1, "-", f"ogiltig YAML: {exc}")]
    finally:
        loader.dispose()
    if root is None:
        return []
    problems: list[ContentError] = []
    stack: list[tuple[yaml.Node, Loc, int]] = [(root, (), 1 + root.start_mark.line)]
    seen: set[int] = set()
    while stack:
        node, loc, line = stack.pop()
        if id(node) in seen:  # one message is enough: a bomb holds thousands
            return [ContentError(shown_as, line, field_path(loc), _REFERENCE_REFUSED)]
        seen.add(id(node))
        if len(loc) > MAX_DEPTH:
            return [
                ContentError(
                    shown_as, line, field_path(loc), f"för djupt nästlade fält (förväntade högst {MAX_DEPTH} nivåer)"
                )
            ]
        tag = str(node.tag)
        named = tag[len(_PYTHON_NAME) :] if tag.startswith(_PYTHON_NAME) else None
        if tag not in _YAML_TAGS and tag not in SETTINGS_TAGS and named not in SETTINGS_FUNCTIONS:
            shown_tag = tag.replace("tag:yaml.org,2002:", "!!")
            problems.append(
                ContentError(
                    shown_as,
                    line,
                    field_path(loc),
                    f"taggen {shown_tag[:100]} tillåts inte (förväntade ett vanligt värde, !ENV, !relative eller "
                    f"!!python/name: med en av {', '.join(sorted(SETTINGS_FUNCTIONS))})",
                )
            )
        if isinstance(node, yaml.MappingNode):
            stack.extend(
                (value, (*loc, str(key.value)), 1 + key.start_mark.line) for key, value in reversed(node.value)
            )
        elif isinstance(node, yaml.SequenceNode):
            # A reference has no place of its own in the node tree: name the line of what holds it.
            stack.extend(
                (item, (*loc, index), line if id(item) in seen else 1 + item.start_mark.line)
                for index, item in reversed(list(enumerate(node.value)))
            )
    return problems


def line_map(text: str) -> dict[Loc, int]:
    """The line of every field of a YAML text that another reader has made data of (mkdocs.yml, with its tags): its
    nodes are composed only, so a tag that only MkDocs knows (!!python/name:…) is no problem here."""
    lines: dict[Loc, int] = {}
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return lines
    if node is not None:
        _walk(node, (), 1, lines, {}, [], "")
    return lines


def _control_characters(text: str) -> Iterator[tuple[int, str]]:
    """(line, character) of every control character in a file's text."""
    if not _CONTROL.search(text):
        return
    for number, row in enumerate(text.split("\n"), start=1):
        for char in sorted(set(_CONTROL.findall(row))):  # each kind once a line, however many there are
            yield number, char


def _refuse_control_characters(doc: Document, hidden: list[tuple[int, str]]) -> None:
    """Control characters, written as they are or as YAML escapes ("\\0"): never text, and they break pages and feeds."""
    problems = [ContentError(doc.path, line, _field_on(doc, line), _control_message(char)) for line, char in hidden]
    for loc, value in strings_in(doc.data, ()):
        for char in sorted(set(_CONTROL.findall(value))):
            problems.append(doc.error(loc, _control_message(char)))
        if _ISOLATES.search(value) and (unbalanced := _unbalanced_isolate(value)):
            problems.append(doc.error(loc, _isolate_message(unbalanced[1])))
    if doc.body and _ISOLATES.search(doc.body) and (unbalanced := _unbalanced_isolate(doc.body)):
        problems.append(ContentError(doc.path, doc.body_line + unbalanced[0], "text", _isolate_message(unbalanced[1])))
    if problems:
        raise ReadError(*sorted(set(problems)))


# What breaks a line in YAML and in a browser's text, beside the line feed: a setting or an argument with one becomes
# two lines of a file (U+2028 in a name turns the text after it into a YAML key of its own).
_LINE_BREAKS = re.compile(r"[\r\n\x85\u2028\u2029]")
# What has no place in a published address: it would end the attribute or the element the address is written in.
_NOT_IN_ADDRESS = re.compile(r"[\s\"'<>\\`{}|^\x00-\x1f\x7f-\x9f]")
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")  # where a site may be served by http, for a preview or a test
MAX_ADDRESS = 500  # characters: an address of a setting is repeated on every page that links to it
# Characters that show nothing in an address, or turn the text around it: a reader could not see where it leads.
_INVISIBLE_IN_ADDRESS = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def unsafe_address(address: str) -> str | None:
    """What makes an address unfit to publish or to call, whatever it is for, or None: its length, an invisible or
    reordering character, or a user name or password in it (it would stand on every page, or be sent to the server)."""
    if len(address) > MAX_ADDRESS:
        return f"är {len(address)} tecken lång (förväntade högst {MAX_ADDRESS} tecken)"
    if found := _INVISIBLE_IN_ADDRESS.search(address):
        return _control_message(found.group())
    try:
        parsed = urlparse(address)
        named = parsed.username is not None or parsed.password is not None
    except ValueError:
        return "går inte att läsa som en adress"
    if named:
        return "bär användarnamn eller lösenord (förväntade en adress utan dem: de skulle stå öppet i sajtens sidor)"
    return None


LINK_REFUSED = "är en länk till en annan plats (förväntade en vanlig fil eller mapp; kopiera in innehållet i stället)"
NOT_A_FILE = "är ingen vanlig fil (förväntade en fil med innehåll eller en mapp)"


def regular_files(folder: Path, shown: str, hidden: bool = False) -> tuple[list[Path], list[ContentError]]:
    """Every file under folder, in a fixed order, and a located error for each link and each thing that is not a file
    (a pipe, a device): a link is never followed, so nothing outside the folder is read or published. shown: the
    folder as messages name it. Files whose names start with a dot (an editor's own) are left out unless hidden."""
    found: list[Path] = []
    problems: list[ContentError] = []
    for parent, folders, files in os.walk(folder):  # os.walk does not enter linked folders
        for name in folders + files:
            path = Path(parent) / name
            named = f"{shown}/{path.relative_to(folder).as_posix()}"
            if path.is_symlink():
                problems.append(ContentError(named, 1, "-", LINK_REFUSED))
            elif name in folders or (name.startswith(".") and not hidden):
                continue
            elif path.is_file():
                found.append(path)
            else:
                problems.append(ContentError(named, 1, "-", NOT_A_FILE))
    return sorted(found), problems


def inside(folder: Path, relative: str) -> bool:
    """Whether folder/relative is a regular file within folder, reached by no link."""
    path = folder / relative
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return resolved == folder.resolve() / relative and path.is_file()


_WEBM = b"\x1a\x45\xdf\xa3"  # EBML, which a WebM file starts with
_CUE_TIMING = re.compile(
    r"^(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}[ \t]+-->[ \t]+(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}(?:[ \t].*)?$"
)
MAX_CAPTIONS = 1_000_000  # bytes: captions of an hour's film are tens of kilobytes


def video_problem(path: Path) -> str | None:
    """What keeps a file from being a film a browser plays (WebM or MP4, by what the file starts with), or None."""
    with path.open("rb") as file:
        head = file.read(12)
    if head.startswith(_WEBM) or head[4:8] == b"ftyp":
        return None
    return "är ingen film i WebM eller MP4 (förväntade en film: filen börjar inte som en sådan)"


def captions_problem(path: Path) -> tuple[int, str] | None:
    """The line and the reason where a file is not WebVTT captions that a browser shows, or None."""
    if path.stat().st_size > MAX_CAPTIONS:
        return 1, f"filen är större än {MAX_CAPTIONS // 1_000_000} MB (förväntade undertexter i WebVTT)"
    try:
        lines = path.read_bytes().decode("utf-8").removeprefix("\ufeff").splitlines()
    except UnicodeDecodeError:
        return 1, "filen är inte i teckenkodningen UTF-8 (förväntade undertexter i WebVTT, sparade som UTF-8)"
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        return 1, "börjar inte med WEBVTT (förväntade undertexter i WebVTT)"
    cues = 0
    for number, line in enumerate(lines, start=1):
        if "-->" in line:
            if not _CUE_TIMING.match(line.strip()):
                return number, f"fick {line.strip()[:80]!r} (förväntade en tid som 00:00:01.000 --> 00:00:04.000)"
            cues += 1
    return None if cues else (1, "har ingen text med tid (förväntade minst en rad som 00:00:01.000 --> 00:00:04.000)")


def typed_line_problem(text: str, most: int) -> str | None:
    """What is wrong with a one-line text that a person gives outside the content (a setting, an argument of a command),
    by the rules content is read with: text on one line, no control characters, isolates closed, at most `most`
    characters; or None."""
    if not text.strip():
        return "förväntade text"
    if _LINE_BREAKS.search(text):
        return "radbrytning i ett fält som ska vara en rad (förväntade hela texten på en rad)"
    if found := _CONTROL.search(text):
        return _control_message(found.group())
    if _ISOLATES.search(text) and (unbalanced := _unbalanced_isolate(text)):
        return _isolate_message(unbalanced[1])
    if len(text.strip()) > most:
        return f"är {len(text.strip())} tecken långt (förväntade högst {most} tecken)"
    return None


def web_address_problem(address: str, query: bool = False) -> str | None:
    """What is wrong with the address a site is published at, or None: an absolute https address (http on this
    computer alone) with nothing in it that could end the attribute, the element or the line it is written in.
    With query, an address of another service, which may have a query (?list=…) but no anchor."""
    expected = "förväntade en adress som börjar med https://, t.ex. https://kommunen.github.io/medborgarlofte/"
    if unsafe := unsafe_address(address):
        return unsafe
    if found := _NOT_IN_ADDRESS.search(address):
        return f"innehåller {found.group()!r}, som inte hör hemma i en adress ({expected})"
    parsed = urlparse(address)
    if (
        not parsed.hostname
        or parsed.scheme not in ("https", "http")
        or (parsed.scheme == "http" and parsed.hostname not in LOCAL_HOSTS)
    ):
        return expected
    if query and (parsed.fragment or "#" in address):
        return f"har # ({expected}, utan ankare)"
    if not query and (parsed.query or parsed.fragment or "?" in address or "#" in address):
        return f"har ? eller # ({expected}, utan frågor och ankare)"
    return None


def _control_message(char: str) -> str:
    if char in _REORDERING:
        return (
            f"innehåller det osynliga styrtecknet U+{ord(char):04X} för textriktning, som vänder ordningen på texten runt det "
            "(förväntade vanlig text; ta bort tecknet: webbläsaren ordnar arabisk och hebreisk text själv)"
        )
    return f"innehåller det osynliga styrtecknet U+{ord(char):04X} (förväntade vanlig text; ta bort tecknet)"


def _unbalanced_isolate(text: str) -> tuple[int, str] | None:
    """The first isolate (U+2066-U+2069) that is not matched, line by line as the browser matches them, with its row; or None."""
    for number, row in enumerate(text.split("\n")):
        opened: list[str] = []
        for char in _ISOLATES.findall(row):
            if char != "\u2069":
                opened.append(char)
            elif opened:
                opened.pop()
            else:
                return number, char
        if opened:
            return number, opened[-1]
    return None


def _isolate_message(char: str) -> str:
    if char == "\u2069":
        return "innehåller styrtecknet U+2069 som avslutar en isolerad text som aldrig börjar (förväntade ett U+2066, U+2067 eller U+2068 före det på samma rad, eller inget)"
    return f"innehåller styrtecknet U+{ord(char):04X} som börjar en isolerad text som aldrig avslutas (förväntade U+2069 efter den på samma rad, eller inget)"


def _field_on(doc: Document, line: int) -> str:
    """The field written on a line, or the last one before it; the text below the front matter is 'text'."""
    if doc.body_line and line >= doc.body_line:
        return "text"
    before = [(field_line, len(loc), loc) for loc, field_line in doc.lines.items() if field_line <= line and loc]
    return field_path(max(before)[2]) if before else "-"


def strings_in(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every text in parsed data, with where it stands."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, loc + (str(key),))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, loc + (index,))


def _explain_yaml(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "tab" in problem or "\t" in problem:
        return "tabbtecken kan inte användas för indrag (använd mellanslag)"
    if problem.startswith("mapping values are not allowed"):
        return 'kolon följt av mellanslag mitt i ett värde (sätt texten inom citattecken: "Obs: så här")'
    context = f", {exc.context}" if exc.context else ""
    return f"ogiltig YAML: {problem}{context} (kontrollera indrag, kolon och citattecken)"
