"""Files out and people: atomic writes and the interactive terminal.

It owns writing answers files and reports without losing anything (``store``) and
the terminal adapter of the interview and the consensus step (``terminal``), the
only code that waits for a person.

It may import everything below it: the values, ``core``, ``sources``, ``report`` and
``form``; never ``cli``.
"""
