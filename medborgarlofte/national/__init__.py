"""The national index: every area's promise in one site, read from the open data each area's own site publishes.

Read (sources) -> one immutable model of every area (model) -> pages, feeds and data (generate) -> MkDocs renders,
as an area's site is built. Nothing in the index is written by hand: each fact is an area's, with where and when
it was read.
"""
