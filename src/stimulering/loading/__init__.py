"""YAML files to validated models, with every problem located by file, line and column.

``yaml_text`` reads YAML safely, ``locate`` turns paths and pydantic errors into
located problems, and ``files`` loads the three kinds of file. Import from those
modules; this package re-exports nothing.
"""
