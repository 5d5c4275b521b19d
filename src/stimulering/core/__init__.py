"""The pure core: answers in, results out, with no file, YAML, rich or print.

It owns the ``when`` language (``conditions``), scoring (``scoring``), what decides
a phase (``uncertainty``), advice and the first steps (``advice``), what every
renderer reads (``results``), the roadmap (``summary``), assessment rounds
(``rounds``), combining respondents (``combine``, ``coalition``), one coalition
over time (``progress``), coalitions side by side (``comparison``), the catalogue
(``catalogue``), differences between question sets (``diffing``), the JSON Schemas
(``schema``) and the interview as a state machine (``interview``).

It may import the values at the top of the package (``errors``, ``model``, ``i18n``,
``sanitise``) and the standard library, nothing else of stimulering.
"""
