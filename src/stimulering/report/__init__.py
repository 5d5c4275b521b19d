"""Renderers: pure functions from results to text (json, markdown, rich text, svg)."""
