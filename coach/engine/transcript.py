"""Lists kept as stored JSON bytes until someone reads an old entry: the transcript and the
turn times of a conversation.

A turn only adds entries and renders the new ones; the stored entries stay as bytes until
something asks for an old one (the whole conversation, a FALC switch, a look back beyond
the recent entries). Saving joins the stored bytes and the new entries without parsing
the old ones. The transcript also seals its older entries into LZ4-compressed blocks of
`SEAL_AT` entries, each compressed once, when it is sealed: a turn copies them as bytes.
So a turn costs the same at the 5th turn and at the 500th; only the copy of the stored
bytes grows with the conversation (about 10 bytes a message once sealed).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, overload

import lz4.block
import orjson

from coach.engine.listview import ListView

Entry = list[Any]
# Values of a directory entry ["directory", value] said on arrival: the question, or the
# advice when this site lists no community (else a place's code: its communities).
DIRECTORY_ASK, DIRECTORY_EMPTY = "?", "-"
# A directory entry whose value starts with this answers what the person said instead of a
# place (« ~distance »: « et en visio ? »; the content's `directory_wishes`).
DIRECTORY_WISH = "~"
# A directory entry whose value starts with this: the person named one of the directory's
# themes before any place (« #autisme »: the region is asked for that theme). A place's
# communities, or a wish's answer, sought on a theme carry it third: ["directory", "35",
# "autisme"], those with the theme shown first.
DIRECTORY_THEME = "#"

# Entries not yet sealed are kept as plain JSON; from this many, they are sealed into a
# compressed block (about 4.5 KB of JSON → 1.2 KB for the usual entries).
SEAL_AT = 128


class LazyList(ListView):
    """A list: `stored` (JSON array bytes of the first `stored_count` entries, not yet
    parsed) followed by `added` (parsed)."""

    __slots__ = ()

    def to_json(self) -> bytes:
        """The JSON array of every entry; stored ones are copied as bytes, not re-encoded."""
        return _join(self._stored, self._stored_count, self._added)

    def _parse(self) -> list[Any]:
        return orjson.loads(self._stored) if self._stored_count else []

    def since(self, first: int) -> list[Any]:
        """Entries from position `first` on (no parsing when they were all added since)."""
        unparsed = self._unparsed()
        if first >= unparsed:
            return self._added[first - unparsed:]
        return self._all()[first:]

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, int):
            unparsed = self._unparsed()
            length = unparsed + len(self._added)
            position = index + length if index < 0 else index
            if unparsed <= position < length:
                return self._added[position - unparsed]
        elif index.step is None and index.stop is None and (index.start or 0) >= 0:
            return self.since(index.start or 0)
        return self._all()[index]


class Transcript(LazyList):
    """The conversation's entries: sealed blocks (compressed JSON arrays of `SEAL_AT`
    entries each), then the open part (stored JSON bytes, then the entries added since)."""

    __slots__ = ("_block_sizes", "_blocks", "_sealed")

    def __init__(self, entries: Iterable[Entry] = (), stored: bytes = b"",
                 stored_count: int = 0, blocks: bytes = b"",
                 block_sizes: Iterable[list[int]] = ()) -> None:
        super().__init__(entries, stored, stored_count)
        self._blocks = blocks
        # One [entries, compressed bytes, JSON bytes] per sealed block, oldest first.
        self._block_sizes: list[list[int]] = [list(size) for size in block_sizes]
        self._sealed = sum(size[0] for size in self._block_sizes)

    @classmethod
    def from_json(cls, data: bytes, count: int) -> Transcript:
        return cls(stored=data, stored_count=count)

    def copy(self) -> Transcript:
        """Shares the stored bytes and the block sizes (never changed in place: sealing
        and parsing replace them), copies the added entries' list."""
        copied = Transcript.__new__(Transcript)
        copied._stored, copied._stored_count = self._stored, self._stored_count
        copied._added = list(self._added)
        copied._blocks, copied._block_sizes = self._blocks, self._block_sizes
        copied._sealed = self._sealed
        return copied

    def to_json(self) -> bytes:
        """The JSON array of every entry (the blocks decompressed, nothing parsed)."""
        if not self._block_sizes:
            return super().to_json()
        arrays = [*self._block_arrays(), super().to_json()]
        return b"[" + b",".join(a[1:-1] for a in arrays if a != b"[]") + b"]"

    def encode(self) -> tuple[list[list[int]], bytes, int, bytes]:
        """What a record stores: (block sizes, blocks, open entries, open JSON array). The
        open part is sealed into a new block once it holds `SEAL_AT` entries."""
        open_json, open_count = super().to_json(), self._stored_count + len(self._added)
        if open_count < SEAL_AT:
            return self._block_sizes, self._blocks, open_count, open_json
        sealed = lz4.block.compress(open_json, store_size=False)
        sizes = [*self._block_sizes, [open_count, len(sealed), len(open_json)]]
        return sizes, self._blocks + sealed, 0, b"[]"

    @classmethod
    def decode(cls, block_sizes: list[list[int]], blocks: bytes, open_count: int,
               open_json: bytes) -> Transcript:
        """From a record's stored parts (`block_sizes` is taken, not copied)."""
        decoded = cls.__new__(cls)
        decoded._stored, decoded._stored_count = (
            (open_json, open_count) if open_count else (b"", 0))
        decoded._added = []
        decoded._blocks, decoded._block_sizes = blocks, block_sizes
        decoded._sealed = sum(size[0] for size in block_sizes)
        return decoded

    def _unparsed(self) -> int:
        return self._stored_count + self._sealed

    def _block_arrays(self) -> list[bytes]:
        arrays, offset = [], 0
        for _count, compressed, raw in self._block_sizes:
            arrays.append(lz4.block.decompress(self._blocks[offset:offset + compressed],
                                               uncompressed_size=raw))
            offset += compressed
        return arrays

    def _parse(self) -> list[Any]:
        entries: list[Any] = []
        for array in self._block_arrays():
            entries += orjson.loads(array)
        return entries + super()._parse()

    def _drop_stored(self) -> None:
        super()._drop_stored()
        self._blocks, self._block_sizes, self._sealed = b"", [], 0

    def from_end(self) -> Iterator[Entry]:
        """Entries from the last one back, reading only as far back as asked: the added
        entries, then the open part, then one sealed block after the other."""
        yield from reversed(self._added)
        if self._stored_count:
            yield from reversed(orjson.loads(self._stored))
        end = len(self._blocks)
        for _count, compressed, raw in reversed(self._block_sizes):
            block = self._blocks[end - compressed:end]
            end -= compressed
            yield from reversed(orjson.loads(lz4.block.decompress(block,
                                                                  uncompressed_size=raw)))


def _join(stored: bytes, stored_count: int, added: list[Any]) -> bytes:
    if not stored_count:
        return orjson.dumps(added)
    if not added:
        return stored
    return stored[:-1] + b"," + orjson.dumps(added)[1:]
