"""Files in: YAML, workbooks and git revisions read safely into checked models.

It owns safe YAML reading with line numbers (``yaml_text``), located problems
(``locate``), the three kinds of file and where the shipped ones are (``files``),
answers workbooks (``workbook``), checks across files (``validation``), ``validate``
over paths (``checking``), ``REV:path`` through git (``revisions``), streaming a
folder for ``compare`` (``archive``), the bundle of the shipped files (``bundle``) and
the engine that loads once and scores many (``engine``).

It may import the values at the top of the package and ``core``; never ``report``,
``form``, ``session`` or ``cli``.
"""
