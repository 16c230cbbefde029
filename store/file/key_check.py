"""A file bounceback did not write (or one damaged into valid JSON) read again with every
key and number as written: orjson keeps only the last of a key written twice, and reads a
number too long for 64 bits as an inexact float, so neither would show otherwise."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from store.errors import CorruptDatabaseError


class Pairs(list[tuple[str, Any]]):
    """A JSON object as the (key, value) pairs written in it, repeats included."""


def checked_int(text: str) -> int:
    """An integer that fits in 64 bits: orjson reads a longer one as an inexact float."""
    value = int(text)
    if not -(2**63) <= value < 2**64:
        raise ValueError(f"the number {text[:24]}… does not fit in 64 bits")
    return value


def first_repeat(pairs: Pairs) -> str | None:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return key
        seen.add(key)
    return None


def has_repeat(value: Any) -> bool:
    """Whether any object inside ``value``, at any depth, has a key written twice."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Pairs):
            if first_repeat(item) is not None:
                return True
            stack.extend(inner for _, inner in item)
        elif isinstance(item, list):
            stack.extend(item)
    return False


class RepeatedKey(ValueError):
    """A key written twice in one JSON object."""


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        raise RepeatedKey
    return found


def check_every_key(path: Path, raw: bytes) -> None:
    """Parse ``raw`` again keeping every key and number as written; a key written twice
    or a number orjson could not keep exactly is damage (a torn write can join into
    valid JSON that repeats keys)."""
    try:
        json.loads(raw, object_pairs_hook=unique_keys, parse_int=checked_int)
    except RepeatedKey:
        raise CorruptDatabaseError(path, where_a_key_repeats(raw)) from None
    except RecursionError:
        raise CorruptDatabaseError(path, "it is nested too deeply to be read") from None
    except ValueError as error:
        problem = f"it holds a value that cannot be kept ({error})"
        raise CorruptDatabaseError(path, problem) from None


def where_a_key_repeats(raw: bytes) -> str:
    """Which table or record of a file with a repeated key has it (slow: every key kept
    in a list; only for a file known to be damaged)."""
    top = json.loads(raw, object_pairs_hook=Pairs)
    if (name := first_repeat(top)) is not None:
        return f"table {name!r} is written twice"
    for name, table in top:
        if (doc_id := first_repeat(table)) is not None:
            return f"table {name!r} has two records with doc id {doc_id}"
        for doc_id, doc in table:
            if has_repeat(doc):
                return f"record {doc_id} of table {name!r} has a field written twice"
    return "a key is written twice in one object"
