"""Renderers: pure functions from results to text or bytes, one module per format.

``formats`` holds every ``--format`` enum and chooses the renderer in one exhaustive
``match``; ``common`` holds what several renderers share. A renderer does not borrow
from another renderer's module: shared pieces live in ``common``, and what is
computed (next steps, the roadmap, advice) comes from ``core``.

It may import the values at the top of the package and ``core``; never ``sources``,
``session`` or ``cli``. Optional office libraries are imported through ``office``,
inside the functions that need them.
"""
