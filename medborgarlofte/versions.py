"""The engine's version and the content format it reads: what an area's site pins, and what check compares against."""

PACKAGE = "medborgarlofte"  # its name on the package index
ENGINE = "0.3.0"
# The version of the content format (mkdocs.yml and content/), extra.format in mkdocs.yml. It moves on only when a
# site's files must change to be read; CHANGELOG.md says what to change for each.
FORMAT = 1
READS = (1,)  # the formats this engine reads
# The renderers, at the versions this engine is tested with (requirements.lock pins them): check warns when the one
# installed is outside its range, for a renderer's new release can change what a site looks like.
TESTED_RENDERERS = {
    "mkdocs": ">=1.6.1,<1.7",
    "mkdocs-material": ">=9.8.2,<9.9",
    "properdocs": ">=1.6.7,<1.7",
    "zensical": "==0.1.2",
}
