"""stimulering: where does our coalition stand, and what helps it grow?

The public API is small: ``load`` reads a question set and model, ``assess``
scores an answers file. Both import their machinery lazily so that importing
the package stays cheap.
"""

__version__ = "0.1.0"
