"""The data file's JSON both ways: the strict parse, the tables held as their bytes until
used (``LazyTables``), and the bytes a write lays out.

A parse refuses anything a write would silently change: besides broken JSON and a
layout that is not ``{table: {id: doc}}``, two records with one doc id or one ``id``, a
key written twice in one object, a value that cannot be written back.

A file as bounceback writes it is parsed a table, and a few hundred records, at a time
(``parse_as_written``): the dicts of a whole file take several times its bytes, and
held all at once they were the largest thing a start held.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Container, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import orjson

from store.errors import CorruptDatabaseError
from store.file.key_check import check_every_key

Data = MutableMapping[str, Any]
"""A whole data file: ``{table: {doc_id: doc}}``."""
TableBytes = dict[str, bytes | memoryview]
"""Each table of a file as JSON."""


class Unparsed:
    """A table kept as its JSON in the file's bytes."""

    __slots__ = ("json",)

    def __init__(self, json: bytes | memoryview) -> None:
        self.json = json


class LazyTables(MutableMapping[str, Any]):
    """A data file's tables in file order, each parsed from its JSON when first used.

    A session reads records as models; it needs a table as dicts only to write it. The
    dicts of every table take several times the file's size in memory, so once a
    table's bytes in the file are known it is held as those bytes, parsed when a write
    needs it, and kept parsed from then on (``in_use``): the next write likely needs it
    again (a card move, then the win it earned).
    """

    def __init__(self, tables: Mapping[str, Any] | None = None) -> None:
        # Another LazyTables's entries are taken as they are: none is parsed to be copied.
        self._tables: dict[str, Any] = dict(
            tables._tables if isinstance(tables, LazyTables) else tables or {}
        )
        self.in_use: set[str] = set(tables.in_use) if isinstance(tables, LazyTables) else set()
        """The tables asked for as dicts (by a write, or a small table read whole)."""

    @classmethod
    def released(cls, data: Data, known: TableBytes, keep: set[str]) -> LazyTables:
        """``data`` with each table in ``known`` held as its bytes, except those in ``keep``
        or in use that are parsed already."""
        tables = LazyTables(data)
        keep = keep | tables.in_use
        released = cls(
            {
                name: Unparsed(known[name])
                if name in known and (name not in keep or isinstance(value, Unparsed))
                else value
                for name, value in tables._tables.items()
            }
        )
        released.in_use = {name for name in keep if name in tables._tables}
        return released

    def documents(self, name: str) -> Iterator[tuple[str, Any]]:
        """One table's documents to read, as (doc id, doc): a table held as bytes is
        parsed for this caller a few hundred records at a time and not kept (the caller
        builds its models as they come and lets each part's dicts go)."""
        value = self._tables.get(name, {})
        if not isinstance(value, Unparsed):
            yield from value.items()
            return
        done = 0
        try:
            for part in record_parts(value.json):
                documents = orjson.loads(part)
                yield from documents.items()
                done += len(documents)
        except orjson.JSONDecodeError:
            # Split where no record ends (inside a record): the rest from the whole table.
            yield from itertools.islice(orjson.loads(value.json).items(), done, None)

    def __getitem__(self, name: str) -> Any:
        value = self._tables[name]
        if isinstance(value, Unparsed):
            value = self._tables[name] = orjson.loads(value.json)
        self.in_use.add(name)
        return value

    def __setitem__(self, name: str, value: Any) -> None:
        self._tables[name] = value
        self.in_use.add(name)

    def __delitem__(self, name: str) -> None:
        del self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)


def parse(path: Path, raw: bytes) -> LazyTables:
    """Strictly parse a whole data file; anything unexpected is corruption (see
    ``parse_with_bytes``)."""
    return parse_with_bytes(path, raw)[0]


def parse_with_bytes(
    path: Path, raw: bytes, keep: Container[str] | None = None
) -> tuple[LazyTables, TableBytes]:
    """Strictly parse a whole data file; anything unexpected is corruption. Also each
    table's JSON as a view into ``raw``, where the file is as bounceback writes it (else
    none): a write reuses the bytes of the tables it does not change.

    Besides broken JSON and a wrong layout, that is anything a write would silently
    change: two records with one doc id or one ``id``, a key written twice in one object
    (the parser keeps only the last), a value that cannot be written back.

    The tables named in ``keep`` (all of them if None) are held parsed, the others as
    their bytes where those are known.
    """
    if not raw:
        raise CorruptDatabaseError(path, "the file is empty (0 bytes)")
    if (as_written := parse_as_written(raw, keep)) is not None:
        return as_written
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise CorruptDatabaseError(path, f"it is not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise CorruptDatabaseError(
            path, f"the top level is a JSON {type(data).__name__}, not an object"
        )
    for name, table in data.items():
        if not isinstance(table, dict):
            raise CorruptDatabaseError(
                path, f"table {name!r} is a JSON {type(table).__name__}, not an object"
            )
        # The fast check first (loops in C); the slow one only to name the bad entry.
        if not (
            all(map(str.isdigit, table))
            and all(map(str.isascii, table))  # "²" is a digit to isdigit, not to int
            and all(type(doc) is dict for doc in table.values())
        ):
            for doc_id, doc in table.items():
                if not (doc_id.isascii() and doc_id.isdigit()) or not isinstance(doc, dict):
                    raise CorruptDatabaseError(
                        path, f"table {name!r} has an entry {doc_id!r} that is not a record"
                    )
        if len(set(map(int, table))) < len(table):  # "1" and "01" are one doc id to TinyDB
            raise CorruptDatabaseError(path, f"table {name!r} has two records with one doc id")
        if (record_id := repeated_record_id(table)) is not None:
            raise CorruptDatabaseError(
                path, f"table {name!r} has two records with the id {record_id}"
            )
    try:
        # As bounceback writes it, byte for byte: then no key is written twice (a dict
        # cannot hold one twice) and every value can be written back. Cheaper than
        # counting the keys in the bytes, and exact.
        parts, spans = layout(serialise(data, {}, None))
    except TypeError as error:  # orjson writes 255 levels of nesting, reads 1,024
        raise CorruptDatabaseError(
            path, f"it holds a value that cannot be saved ({error})"
        ) from None
    if same_bytes(raw, parts):  # compared in place: no third copy
        return LazyTables(data), views(raw, spans)
    check_every_key(path, raw)  # written by something else: look for what orjson hides
    return LazyTables(data), {}


TABLE_AFTER_RECORDS = re.compile(rb'\}\},"([^"\\]+)":\{')
TABLE_AFTER_EMPTY = re.compile(rb'":\{\}(?=,"[^"\\]+":\{)')
"""Where a table ends and the next begins, in a file as ``layout`` writes it: after its
last record, or empty (the next table's name only looked at, as it may be empty too).
Either may also match inside a record (see ``table_spans``)."""
TABLE_NAME = re.compile(rb'"([^"\\]+)":\{')
NEXT_RECORD = re.compile(rb'\},"\d+":\{')
"""Where one record of a table ends and the next begins; it may also match inside a
record (see ``record_parts``)."""
RECORDS_AT_ONCE = 500
"""How many records of a table are parsed at a time: a whole table's dicts take several
times its bytes, and a table is read to build its models or to be checked."""


def parse_as_written(
    raw: bytes, keep: Container[str] | None
) -> tuple[LazyTables, TableBytes] | None:
    """A file laid out as bounceback writes it, checked a table and a few hundred
    records at a time; None for any other file, or where anything is wrong in it: the
    whole parse then tells what (``parse_with_bytes``).

    Each part must parse on its own and be written back byte for byte, so the parts
    joined are the file exactly.
    """
    spans = table_spans(raw)
    if spans is None:
        return None
    whole = memoryview(raw)
    tables: dict[str, Any] = {}
    for name, span in spans.items():
        held: dict[str, Any] | None = {} if keep is None or name in keep else None
        if not is_a_table_as_written(whole[span], held):
            return None
        tables[name] = Unparsed(whole[span]) if held is None else held
    return LazyTables(tables), {name: whole[span] for name, span in spans.items()}


def table_spans(raw: bytes) -> dict[str, slice] | None:
    """Where each table's JSON lies in a file as ``layout`` writes it; None where it is
    not so laid out. Found by the bytes between two tables, which a record may hold as
    well: a file cut there has a part that does not parse, and is parsed whole."""
    if not (raw.startswith(b"{") and raw.endswith(b"}")):
        return None
    ends = sorted(
        [found.start() + 2 for found in TABLE_AFTER_RECORDS.finditer(raw)]
        + [found.start() + 4 for found in TABLE_AFTER_EMPTY.finditer(raw)]
    )
    spans = {}
    for start, end in zip([0, *ends], [*ends, len(raw) - 1], strict=True):
        # From the "{" or "," before the table's name to the end of its JSON.
        named = TABLE_NAME.match(raw, start + 1)
        if named is None:
            return None
        try:
            name = orjson.loads(raw[start + 1 : named.end(1) + 1])
        except orjson.JSONDecodeError:
            return None
        if name in spans:
            return None
        spans[name] = slice(named.end() - 1, end)
    return spans


def record_parts(table: bytes | memoryview) -> Iterator[bytes | memoryview]:
    """A table's JSON cut into objects of up to ``RECORDS_AT_ONCE`` records each, where
    records end, one at a time. A cut inside a record (see ``NEXT_RECORD``) leaves a
    part that does not parse."""
    ends = NEXT_RECORD.finditer(table)
    begin = 0  # the "{" or "," before the part's first record
    for found in itertools.islice(ends, RECORDS_AT_ONCE - 1, None, RECORDS_AT_ONCE):
        cut = found.start() + 1
        yield b"".join((b"{", table[begin + 1 : cut], b"}"))
        begin = cut
    yield table if begin == 0 else b"".join((b"{", table[begin + 1 :]))


def is_a_table_as_written(table: bytes | memoryview, held: dict[str, Any] | None) -> bool:
    """Whether ``table`` is a table's JSON as bounceback writes it, with nothing a parse
    refuses (see ``parse_with_bytes``); its documents go into ``held`` unless None."""
    doc_ids: set[int] = set()
    record_ids: list[Any] = []
    for part in record_parts(table):
        try:
            documents = orjson.loads(part)
            same = same_bytes(orjson.dumps(documents), [part])
        except (orjson.JSONDecodeError, TypeError):
            return False
        if not (
            same
            and all(map(str.isdigit, documents))
            and all(map(str.isascii, documents))
            and all(type(doc) is dict for doc in documents.values())
        ):
            return False
        doc_ids.update(map(int, documents))
        record_ids += (doc.get("id") for doc in documents.values())
        if held is not None:
            held.update(documents)
    return len(doc_ids) == len(record_ids) and first_shared(record_ids) is None


def repeated_record_id(table: Mapping[str, Any]) -> str | None:
    """An ``id`` that two records of ``table`` share, if any."""
    return first_shared([doc.get("id") for doc in table.values()])


def first_shared(ids: list[Any]) -> str | None:
    """A record id found twice in ``ids``, if any."""
    with contextlib.suppress(TypeError):  # an id that is a list or an object
        if len(set(ids)) == len(ids):
            return None
    seen: set[str] = set()
    for record_id in ids:
        if isinstance(record_id, str):  # records without an id are invalid, not twins
            if record_id in seen:
                return record_id
            seen.add(record_id)
    return None


def serialise(data: Data, known: TableBytes, changed: set[str] | None) -> TableBytes:
    """Each table of ``data`` as JSON, done first so an unserialisable value touches
    nothing. A table this write did not change keeps its bytes from the last write:
    most of a file is timer sessions and journal entries, and a card move changes
    neither."""
    return {
        name: known[name]
        if changed is not None and name not in changed and name in known
        else orjson.dumps(data[name])
        for name in data  # by name: a table held as bytes is not parsed to be reused
    }


def layout(tables: TableBytes) -> tuple[list[bytes | memoryview], dict[str, slice]]:
    """The pieces of the file, in order, and where each table lies in the whole."""
    parts: list[bytes | memoryview] = [b"{"]
    spans, at = {}, 1
    for name, table in tables.items():
        key = orjson.dumps(name) + b":"
        if len(parts) > 1:
            parts.append(b",")
            at += 1
        parts += (key, table)
        at += len(key)
        spans[name] = slice(at, at + len(table))
        at += len(table)
    parts.append(b"}")
    return parts, spans


def same_bytes(whole: bytes, parts: list[bytes | memoryview]) -> bool:
    """Whether ``parts`` joined would be ``whole``, without joining them.

    By ``bytes.startswith``, a memcmp: comparing memoryviews with ``==`` goes element
    by element.
    """
    at = 0
    for part in parts:
        if not whole.startswith(part, at):
            return False
        at += len(part)
    return at == len(whole)


def views(payload: bytes, spans: dict[str, slice]) -> TableBytes:
    """Each table's JSON as a view into the file's bytes: one copy in memory, not two."""
    whole = memoryview(payload)
    return {name: whole[span] for name, span in spans.items()}
