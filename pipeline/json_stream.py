"""A JSON text read one value at a time from chunks: each element of a top-level list, or
the one top-level value, so that a .json dump of any size holds one record in memory."""
from __future__ import annotations

import json
from typing import Iterator

JSON_MAX_RECORD_CHARS = 1 << 28  # one record bigger than this is no article


class JsonStreamError(ValueError):
    pass


def iter_json_values(chunks: Iterator[str]) -> Iterator[tuple[object, bool]]:
    """(value, is_top_level_single) for each element of a top-level JSON array, or the
    one top-level value; holds one element in memory at a time."""
    decoder = json.JSONDecoder()
    buf, pos, exhausted = "", 0, False

    def more() -> bool:
        nonlocal buf, pos, exhausted
        chunk = next(chunks, None)
        if chunk is None:
            exhausted = True
            return False
        buf, pos = buf[pos:] + chunk, 0
        return True

    def skip_space() -> str:
        """The next non-space character ('' at end of input), not consumed."""
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n\ufeff":
                pos += 1
            if pos < len(buf) or not more():
                return buf[pos:pos + 1]

    def value():
        nonlocal pos
        while True:
            try:
                obj, end = decoder.raw_decode(buf, pos)
                if end < len(buf) or exhausted:  # a value ending at the buffer edge may go on
                    pos = end
                    return obj
            except ValueError as exc:
                if exhausted or len(buf) - pos > JSON_MAX_RECORD_CHARS:
                    raise JsonStreamError(str(exc)) from None
            more()

    first = skip_space()
    if first == "":
        return
    if first != "[":
        obj = value()
        if skip_space() != "":
            raise JsonStreamError(f"extra data after the top-level value at char {pos}")
        yield obj, True
        return
    pos += 1
    if skip_space() == "]":
        pos += 1
    else:
        while True:
            yield value(), False
            sep = skip_space()
            if sep == "]":
                pos += 1
                break
            if sep != ",":
                raise JsonStreamError(f"expected ',' or ']' but found {sep or 'end of file'!r}")
            pos += 1
            skip_space()
    if skip_space() != "":
        raise JsonStreamError("extra data after the top-level list")
