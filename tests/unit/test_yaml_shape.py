"""The shape checks of every YAML file: the fast path must reject what the full walk rejects."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from stimulering.errors import InvalidInputError
from stimulering.sources.yaml_text import loader_class, parse_yaml


@pytest.mark.parametrize(("text", "message"), [
    ("a: 1\nb:\n  c: 1\n  c: 2\n", "f.yaml:4:3: duplicate key 'c' (first given on line 3)"),
    ("x: &a {y: 1}\n<<: *a\n", "f.yaml:2:1: merge keys (<<) are not supported"),
    ("!!merge x: {a: 1}\nb: 2\n", "f.yaml:1:1: merge keys (<<) are not supported"),
    ("a: " + "[" * 70 + "]" * 70 + "\n", "f.yaml:1:67: nesting is deeper than 64 levels"),
    ("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
     + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
               for p, c in zip("abcdef", "bcdefg", strict=True)),
     "f.yaml:6:4: document expands to more than 200,000 values (too many aliases)"),
])
def test_bad_shapes_are_rejected_with_their_place(text, message):
    with pytest.raises(InvalidInputError) as caught:
        parse_yaml(text, "f.yaml")
    assert str(caught.value) == message


def test_shared_nodes_within_limits_are_fine():
    document = parse_yaml("a: &a [1, 2]\nb: [*a, *a]\n", "f.yaml")
    assert document.data == {"a": [1, 2], "b": [[1, 2], [1, 2]]}


# --- the direct construction of plain trees ----------------------------------------------------
#
# Plain trees are built by the project's own short constructor (it is faster); these
# tests hold it to PyYAML's safe constructor on documents full of values whose type
# depends on how YAML 1.1 reads them.

SCALARS = [
    "1", "0", "-3", "+5", "010", "0o17", "0x1F", "0b101", "1_000", "1:30", "3.5", "1e3",
    ".inf", "-.nan", "yes", "No", "on", "true", "~", "null", "", "2026-03-15", "2026-02-30",
    "2026-03-15 10:00:00", "ja", "weet_niet", "'010'", '"7"', "!!str 5", "!!int '42'",
    "!!float 1", "!!binary aGVsbG8=", "!!bool 'yes'", "!!null ''", "Ⅻ", "١٢", "²", "=",
    "!vreemd x", "&anker 12", "*anker", "*gelijk", "!!value =",
]
KEYS = ["1", "010", "~", "&gelijk =", "true", "2026-01-01", "x", "'y'", "3.5", "0x1F",
        "!!str 7", "!!value v", "*anker"]
"""Keys whose texts differ, so that no two of them are taken for a duplicate."""

plain_values = st.one_of(
    st.sampled_from(SCALARS),
    st.lists(st.sampled_from(SCALARS), max_size=4),
)


def yaml_text(entries: dict[str, Any], indent: str = "") -> str:
    """A block mapping of ``entries``: scalars, block lists and nested mappings."""
    lines = []
    for key, value in entries.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:\n{yaml_text(value, indent + '  ')}")
        elif isinstance(value, list):
            items = "".join(f"{indent}  - {item}\n" for item in value) or f"{indent}  - []\n"
            lines.append(f"{indent}{key}:\n{items}")
        else:
            lines.append(f"{indent}{key}: {value}\n")
    return "".join(lines)


def outcome(load: Any, text: str) -> str:
    """The loaded data as its repr (which tells 1, 1.0 and True apart), or the error kind."""
    try:
        return repr(load(text))
    except (yaml.YAMLError, InvalidInputError):
        return "error"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.dictionaries(
    st.sampled_from(KEYS),
    st.one_of(plain_values, st.dictionaries(st.sampled_from(KEYS), plain_values, max_size=4)),
    min_size=1, max_size=8,
))
def test_generated_trees_load_as_pyyaml_loads_them(entries):
    text = yaml_text(entries)
    reference = loader_class(yaml.SafeLoader)
    expected = outcome(lambda source: yaml.load(source, Loader=reference), text)  # noqa: S506
    assert outcome(lambda source: parse_yaml(source, "f.yaml").data, text) == expected, text


@pytest.mark.parametrize("text", [
    "&k = : 1\nb: *k\n",
    "a: &k =\n*k : 1\n",
    "&k !!value x: 1\nb: *k\n",
    "&k = : 1\nx: [*k]\n",
    "&k = : 1\nx: {y: *k}\n",
    "&k = : 1\nx: !!omap [{a: *k}]\n",
])
def test_an_aliased_equals_key_loads_as_pyyaml_loads_it(text):
    # PyYAML reads a "=" key as text by retagging its node, which an alias then shares.
    reference = loader_class(yaml.SafeLoader)
    assert parse_yaml(text, "f.yaml").data == yaml.load(text, Loader=reference)  # noqa: S506
