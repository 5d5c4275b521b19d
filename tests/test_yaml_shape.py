"""The shape checks of every YAML file: the fast path must reject what the full walk rejects."""

from __future__ import annotations

import pytest

from stimulering.errors import InvalidInputError
from stimulering.loading import parse_yaml


@pytest.mark.parametrize(("text", "message"), [
    ("a: 1\nb:\n  c: 1\n  c: 2\n", "f.yaml:4:3: duplicate key 'c' (first given on line 3)"),
    ("x: &a {y: 1}\n<<: *a\n", "f.yaml:2:1: merge keys (<<) are not supported"),
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
