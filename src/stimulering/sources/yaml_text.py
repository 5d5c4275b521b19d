"""Reading YAML files safely: size and shape limits, located syntax errors.

Loading is defensive because question sets and answers files come from many
hands: files are size-capped and must be UTF-8 text; only PyYAML's safe
constructors run (no Python object tags); duplicate keys are rejected instead
of the last one silently winning; anchors and aliases are allowed but their
expanded size is capped, which defuses "billion laughs" documents; nesting
depth and line length are capped.
"""

from __future__ import annotations

import codecs
import math
import os
import stat
import sys
from pathlib import Path
from typing import Any

import yaml

from stimulering.errors import CheckResult, InvalidInputError, invalid
from stimulering.model import LARGEST_NUMBER
from stimulering.model import MAX_FILE_BYTES as MAX_FILE_BYTES  # the limits of a file, here too
from stimulering.model import MAX_LINE_CHARS as MAX_LINE_CHARS
from stimulering.model import MAX_NODES as MAX_NODES
from stimulering.sources.locate import Document, describe

MAX_DEPTH = 64


def loader_class(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """A safe loader on ``base`` that keeps impossible dates such as 2026-02-30 as text.

    PyYAML raises a bare ``ValueError`` for them; as text, they reach validation,
    which names the field that needs a date. A value that does not fit the tag it
    is explicitly given becomes a located YAML error, and so does a number that is
    not finite or does not fit a float: ``.inf``, ``.nan``, ``1.0e400``, or a whole
    number of thousands of digits (hexadecimal and base 60 included), which would
    break every sum, mean and message it reached.
    """

    class Loader(base):  # type: ignore[misc,valid-type]
        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            # PyYAML's constructors assume a value fits its tag; an explicit tag on a value
            # that does not (``!!int abc``, ``!!bool y``) raises a bare Python error.
            try:
                value = super().construct_object(node, deep)
            except (ValueError, IndexError, KeyError, AttributeError) as error:
                kind = node.tag.rsplit(":", 1)[-1]
                if kind in ("int", "float") and isinstance(node.value, str) \
                        and _digits(node.value) > _INT_DIGIT_LIMIT:
                    message = _too_large(node.value)
                else:
                    what = repr(_cut(node.value)) if isinstance(node.value, str) \
                        else "this value"
                    message = f"{what} cannot be read as !!{kind}"
                raise yaml.constructor.ConstructorError(
                    None, None, message, node.start_mark) from error
            kind_of_value = type(value)
            if kind_of_value is float and not -LARGEST_NUMBER <= value <= LARGEST_NUMBER:
                raise yaml.constructor.ConstructorError(
                    None, None, _not_finite(node.value, value), node.start_mark)
            if kind_of_value is int and not -LARGEST_NUMBER <= value <= LARGEST_NUMBER:
                raise yaml.constructor.ConstructorError(
                    None, None, _too_large(node.value), node.start_mark)
            return value

        def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
            try:
                return super().construct_yaml_timestamp(node)  # type: ignore[arg-type,unused-ignore]
            except ValueError:
                return node.value

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


_INT_DIGIT_LIMIT = getattr(sys, "get_int_max_str_digits", lambda: 4300)() or 4300
"""Python turns at most this many decimal digits into a whole number."""
_PLAIN_INT_DIGITS = 308
"""Plain decimals this long always fit a float; longer ones take the checked way."""


def _digits(text: str) -> int:
    return sum(char.isdigit() for char in text)


def _cut(text: str, width: int = 24) -> str:
    """A value for a message: long ones cut short, with the length they had."""
    return text if len(text) <= width else f"{text[:width - 1]}… ({len(text):,} characters)"


def _too_large(text: str) -> str:
    return (f"the number {_cut(text)} is too large; numbers must lie between -1.8e308 "
            "and 1.8e308")


def _not_finite(text: str, value: float) -> str:
    if math.isnan(value):
        return f"{_cut(text)} is not a number; numbers must be finite"
    if text.lstrip("+-").lower() == ".inf":
        return f"{_cut(text)} is infinite; numbers must be finite"
    return _too_large(text)


# The C parser is several times faster; fall back cleanly when libyaml is missing.
_Loader = loader_class(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8 text, refusing what is too big, binary or not UTF-8."""
    return decode_text(read_bytes(path, shown), shown)


def read_bytes(path: Path, shown: str, limit: int = MAX_FILE_BYTES,
               limit_name: str = "the limit") -> bytes:
    """The bytes of a regular file, at most ``limit`` of them.

    The file is opened without blocking and checked before anything is read: a
    named pipe would wait for a writer, and a device such as ``/dev/zero`` says
    its size is 0 and never ends. What is read is capped as well, whatever the
    file's size claims to be.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise invalid(shown, "file not found") from None
    except IsADirectoryError:
        raise invalid(shown, "is a folder, not a file") from None
    except OSError as error:
        raise invalid(shown, f"cannot be read ({error.strerror})") from None
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise invalid(shown, _not_regular(status.st_mode))
        if status.st_size > limit:
            raise invalid(shown, f"file is {status.st_size:,} bytes; {limit_name} is {limit:,}")
        chunks: list[bytes] = []
        left = limit + 1
        try:
            while left > 0:
                chunk = stream.read(left)
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        except OSError as error:
            raise invalid(shown, f"cannot be read ({error.strerror})") from None
    if left <= 0:
        raise invalid(shown, f"file is larger than {limit:,} bytes, {limit_name}")
    return b"".join(chunks)


def _not_regular(mode: int) -> str:
    """Why a file that is not a regular file is refused, in words."""
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def decode_text(raw: bytes, shown: str) -> str:
    """Bytes of a file as text: UTF-8 (with or without a byte-order mark), short lines."""
    if len(raw) > MAX_FILE_BYTES:
        raise invalid(shown, f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise invalid(shown, "is UTF-16 text; save it as UTF-8")
    if b"\x00" in raw:
        raise invalid(shown, "is a binary file, not YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start:error.start].decode("utf-8", errors="replace")) + 1
        raise invalid(
            shown, f"is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be decoded); "
                   "save it as UTF-8",
            line=raw.count(b"\n", 0, error.start) + 1, column=column,
        ) from None
    # A file shorter than the line limit cannot hold a long line: skip the scan.
    lines = text.splitlines() if len(text) > MAX_LINE_CHARS else []
    for number, line_text in enumerate(lines, start=1):
        if len(line_text) > MAX_LINE_CHARS:
            raise invalid(shown, f"line is {len(line_text):,} characters long; the limit is "
                                 f"{MAX_LINE_CHARS:,}",
                          line=number)
    return text


def parse_yaml(text: str, shown: str) -> Document:
    """Parse YAML text safely into a ``Document``."""
    loader = _Loader(text)
    root: yaml.Node | None = None
    try:
        root = loader.get_single_node()
        if root is None:
            raise invalid(shown, "is empty; expected a YAML mapping")
        try:
            plain, total, largest = _plain_tree(root)
            if plain and total >= MAX_NODES and "&" not in text:
                # Large as written, without an anchor (so without an alias): no need to
                # walk the tree again to tell its size from an alias bomb.
                raise _node_error(shown, largest, f"document has more than {MAX_NODES:,} "
                                                  f"values; the limit is {MAX_NODES:,}")
            if not plain or total >= MAX_NODES:
                raise _NotPlain
            data = _construct_plain(loader, root)
        except _NotPlain:
            _check_shape(root, shown)
            data = loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        # A value that cannot be built (a number too large, ``!!int vier``) sits in a
        # tree that was read whole: name the id it belongs to as well.
        item_id = None
        if isinstance(error, yaml.constructor.ConstructorError) and root is not None \
                and error.problem_mark is not None:
            item_id = _item_id_at_index(root, error.problem_mark.index)
        raise _yaml_error(shown, text, error, item_id) from None
    except yaml.YAMLError as error:
        raise invalid(shown, f"YAML error: {error}") from None
    except RecursionError:
        # The pure-Python parser recurses per nesting level; libyaml stops at depth 1000.
        raise invalid(shown, f"nesting is deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise invalid(shown, f"top level is {describe(data)}; expected a mapping of keys to "
                             "values", line=root.start_mark.line + 1,
                      column=root.start_mark.column + 1)
    return Document(shown, data, root)


def _item_id_at_index(root: yaml.Node, index: int) -> str | None:
    """The id the scalar starting at ``index`` concerns, found as ``item_id_at`` finds it.

    That is the outermost item with an id below the top, the answer's key, or the file's
    own id.
    """
    stack: list[tuple[yaml.Node, str | None, str | int | None]] = [(root, None, None)]
    seen: set[int] = set()
    top: str | None = None
    while stack:
        node, found, parent_key = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode) and node.start_mark.index == index:
            return found or top
        if isinstance(node, yaml.MappingNode):
            own = next((value.value for key, value in node.value
                        if isinstance(key, yaml.ScalarNode) and key.value == "id"
                        and isinstance(value, yaml.ScalarNode)), None)
            if node is root:
                top = own
            else:
                found = found or own
            for key, value in node.value:
                step = key.value if isinstance(key, yaml.ScalarNode) else None
                named = step if parent_key in ("answers", "notes") and step else found
                stack.append((value, named, step))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, found, position) for position, item in enumerate(node.value))
    return None


def _yaml_error(shown: str, text: str, error: yaml.MarkedYAMLError,
                item_id: str | None = None) -> InvalidInputError:
    """One clear, located message for a PyYAML error."""
    mark = error.problem_mark or error.context_mark
    problem = (error.problem or "").replace("\n", " ")
    context = (error.context or "").replace("\n", " ")
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    if "could not determine a constructor" in problem:
        tag = problem.rsplit(" ", 1)[-1].strip("'")
        if tag.startswith("tag:yaml.org,2002:python/"):
            message = f"the YAML tag {tag!r} is not allowed: files hold plain data only"
        else:
            message = f"unknown YAML tag {tag!r}; files hold plain data only"
    elif "cannot start any token" in problem and mark is not None \
            and text[mark.index:mark.index + 1] == "\t":
        message = "a tab character; indent YAML with spaces only"
    elif "found another document" in problem:
        message = "a second YAML document starts here; a file holds one document"
    elif "unhashable key" in problem:
        message = "a key must be text or a number, not a list or a mapping"
    elif isinstance(error, yaml.constructor.ConstructorError) or not problem:
        message = problem or context or "YAML syntax error"
    else:
        message = f"YAML syntax error: {problem}"
        context_mark = error.context_mark
        if context and context_mark is not None and context_mark.line != getattr(mark, "line", -1):
            message += f" ({context} that starts on line {context_mark.line + 1})"
        elif context:
            message += f" ({context})"
    return invalid(shown, message, line=line, column=column, item_id=item_id)


def _check_shape(root: yaml.Node, shown: str) -> None:
    """Reject duplicate keys, merge keys, too deep nesting and alias bombs."""
    sizes: dict[int, int] = {}
    # Iterative post-order walk: nodes reached through aliases are shared objects,
    # so memoising on id() computes the expanded size without expanding anything.
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if depth > MAX_DEPTH:
            raise _node_error(shown, node, f"nesting is deeper than {MAX_DEPTH} levels")
        children = _children(node, shown)
        if not children_done:
            stack.append((node, depth, True))
            stack.extend((child, depth + 1, False) for child in children
                         if id(child) not in sizes)
            continue
        total = 1 + sum(sizes.get(id(child), 1) for child in children)
        if total > MAX_NODES:
            if _distinct_nodes(node) > MAX_NODES:  # large as written, not through aliases
                raise _node_error(shown, node, f"document has more than {MAX_NODES:,} values; "
                                               f"the limit is {MAX_NODES:,}")
            raise _node_error(
                shown, node,
                f"document expands to more than {MAX_NODES:,} values (too many aliases)",
            )
        sizes[id(node)] = total


def _distinct_nodes(root: yaml.Node) -> int:
    """How many nodes the tree under ``root`` has as written, each alias counted once."""
    seen: set[int] = set()
    stack = [root]
    while stack and len(seen) <= MAX_NODES:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return len(seen)


def _plain_tree(root: yaml.Node) -> tuple[bool, int, yaml.Node]:
    """Fast check of the common case: a plain tree, its size, and its largest part.

    Plain means without shared nodes, duplicate keys, merge keys or too deep nesting.
    Scalars are not visited one by one, and keys are compared as a set, which makes
    this several times faster than the full walk; not plain means "not sure", and the
    full walk then decides and names the problem. The largest part is the collection
    at the top that holds the most values when it alone holds too many, else the whole.
    """
    scalar = yaml.ScalarNode
    seen: set[int] = set()
    total = 0
    counts: dict[int, int] = {}
    tops: dict[int, yaml.Node] = {}
    stack: list[tuple[yaml.Node, int, int]] = [(root, 1, id(root))]
    while stack:
        node, depth, top = stack.pop()
        if depth > MAX_DEPTH or id(node) in seen:
            return False, total, root
        seen.add(id(node))
        if depth == 2:
            top = id(node)
            tops[top] = node
        pairs = node.value
        if isinstance(node, yaml.MappingNode):
            found = 2 * len(pairs)
            try:
                keys = {key.value for key, _ in pairs}
            except TypeError:  # a list or mapping as a key
                return False, total, root
            # Fewer distinct keys than pairs is a duplicate; "<<" may be a merge key.
            if len(keys) != len(pairs) or "<<" in keys:
                return False, total, root
            stack.extend((value, depth + 1, top) for _, value in pairs
                         if type(value) is not scalar)
        elif isinstance(node, yaml.SequenceNode):
            found = len(pairs)
            stack.extend((child, depth + 1, top) for child in pairs if type(child) is not scalar)
        else:
            found = 0
        total += found
        counts[top] = counts.get(top, 0) + found
    largest = max(tops, key=counts.__getitem__, default=id(root))
    return True, total, tops[largest] if counts.get(largest, 0) >= MAX_NODES else root


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_VALUE = "tag:yaml.org,2002:value"
_MERGE = "tag:yaml.org,2002:merge"


def _construct_plain(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """The data of a tree that ``_plain_tree`` accepted, as the safe constructor gives it.

    PyYAML's constructor spends more time per value than the C parser does; on an
    archive of answers files it was half the parse time. Text, whole numbers in plain
    decimals, nulls, mappings and lists, which make up nearly all of such files, are
    built here directly; every other value goes to the loader's own constructor.
    A test checks that both give the same data for generated documents.
    """
    kind = type(node)
    tag = node.tag
    if kind is yaml.ScalarNode:
        value = node.value
        if tag == _STR:
            return value
        if tag == _INT and value.isascii() and value.isdigit() \
                and (value[0] != "0" or value == "0") \
                and len(value) <= _PLAIN_INT_DIGITS:  # "010" is octal in YAML 1.1
            return int(value)
        if tag == _NULL:
            return None
        if tag in (_VALUE, _MERGE):
            # Keys the safe constructor gives a meaning when it flattens a mapping,
            # retagging the node in place (which changes what an alias to it reads as).
            raise _NotPlain
    elif kind is yaml.MappingNode and tag == _MAP:
        return {_construct_plain(loader, key): _construct_plain(loader, value)
                for key, value in node.value}
    elif kind is yaml.SequenceNode and tag == _SEQ:
        return [_construct_plain(loader, item) for item in node.value]
    return loader.construct_object(node, deep=True)


class _NotPlain(Exception):
    """The tree needs PyYAML's own constructor (and the full shape check) after all."""


def _children(node: yaml.Node, shown: str) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, yaml.Node] = {}
        children: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _node_error(shown, key_node, "merge keys (<<) are not supported")
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    first = seen[key_node.value].start_mark.line + 1
                    raise _node_error(
                        shown, key_node,
                        f"duplicate key {key_node.value!r} (first given on line {first})",
                    )
                seen[key_node.value] = key_node
            children.extend((key_node, value_node))
        return children
    return []


def _node_error(shown: str, node: yaml.Node, message: str) -> InvalidInputError:
    mark = node.start_mark
    return invalid(shown, message, line=mark.line + 1, column=mark.column + 1)


def read_yaml(path: Path, shown: str | None = None) -> Document:
    """Read and parse one YAML file."""
    name = shown if shown is not None else str(path)
    return parse_yaml(read_text(path, name), name)


def read_document(path: Path, shown: str, result: CheckResult) -> Document | None:
    """Read and parse one YAML file, or record why it cannot be read and give ``None``.

    The reading above refuses a file at its first fault (too big, not UTF-8, broken
    YAML), because nothing after that fault can be trusted; this is the one place
    where such a refusal becomes a recorded problem of that file.
    """
    try:
        return read_yaml(path, shown)
    except InvalidInputError as error:
        result.record(error.problems)
        return None
