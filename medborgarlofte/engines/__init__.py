"""Renderers other than MkDocs, each run in a process of its own so that it never mixes with MkDocs in the engine's."""
