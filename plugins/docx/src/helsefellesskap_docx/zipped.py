"""Zip files of members compressed ahead of time, in the bytes :mod:`zipfile` writes.

The standard library's :class:`zipfile.ZipFile` compresses every member as it writes it
and has no way to take one already compressed. A Word document repeats large parts
(``styles.xml`` and ``stylesWithEffects.xml`` are 350 and 440 kB in python-docx's
template) that are the same for every document in a house style and language, and
deflating them again was a fifth of writing a small document. :func:`deflated` compresses
a member once (kept by :mod:`helsefellesskap_docx.package`); :func:`zip_bytes` writes a
zip file of such members, byte for byte what ``ZipFile(file, "w", ZIP_DEFLATED)`` gives
when each is written with ``writestr(ZipInfo(name, date_time=...), data)`` and the given
permissions (a test compares the two).

Only what a Word document needs is supported: deflated members, no comments, no extra
fields, sizes below zip64's limits (a :class:`ValueError` otherwise).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["Member", "deflated", "zip_bytes"]

_LIMIT = (1 << 31) - 1
"""Kept below zip64's limit (``zipfile.ZIP64_LIMIT``), with room for the compressor's growth."""
_UTF8_NAME = 0x800
"""The general purpose flag of a name written in UTF-8 (``zipfile._MASK_UTF_FILENAME``)."""
# The records of the zip format (PKWARE's APPNOTE.TXT), as zipfile packs them
_LOCAL = struct.Struct("<4s2B4HL2L2H")
"""A local file header (``zipfile.structFileHeader``)."""
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
"""A central directory entry (``zipfile.structCentralDir``)."""
_END = struct.Struct("<4s4H2LH")
"""The end of the central directory (``zipfile.structEndArchive``)."""
_LOCAL_SIGNATURE, _CENTRAL_SIGNATURE, _END_SIGNATURE = b"PK\003\004", b"PK\001\002", b"PK\005\006"


class Member:
    """One member of a zip file: its name, date, permissions and deflated content."""

    __slots__ = ("crc", "data", "date_time", "mode", "name", "size")

    def __init__(
        self,
        name: str,
        *,
        crc: int,
        size: int,
        data: bytes,
        date_time: tuple[int, int, int, int, int, int],
        mode: int,
    ) -> None:
        self.name = name
        self.crc = crc
        """The CRC-32 of the uncompressed content."""
        self.size = size
        """The uncompressed size."""
        self.data = data
        """The deflated content (a raw deflate stream)."""
        self.date_time = date_time
        self.mode = mode
        """The Unix permissions (``0o644``)."""


class _Defaults(NamedTuple):
    """What ``zipfile.ZipInfo`` writes of its own on this platform."""

    create_system: int
    create_version: int
    extract_version: int


_INFO = zipfile.ZipInfo("x")
_DEFAULTS = _Defaults(_INFO.create_system, _INFO.create_version, _INFO.extract_version)


def deflated(
    name: str,
    content: bytes,
    *,
    date_time: tuple[int, int, int, int, int, int],
    mode: int = 0o644,
) -> Member:
    """``content`` compressed as :mod:`zipfile` compresses a ``ZIP_DEFLATED`` member
    (zlib's default level, a raw deflate stream), ready for :func:`zip_bytes`."""
    if len(content) > _LIMIT:
        raise ValueError(f"{name}: {len(content)} bytes need zip64, which is not supported")
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return Member(
        name,
        crc=zlib.crc32(content),
        size=len(content),
        data=data,
        date_time=date_time,
        mode=mode,
    )


def zip_bytes(members: Iterable[Member]) -> bytes:
    """A zip file of ``members`` in their order: the bytes ``zipfile.ZipFile`` writes for
    them (local headers and data, the central directory, its end record)."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for member in members:
        try:
            name, flags = member.name.encode("ascii"), 0
        except UnicodeEncodeError:
            name, flags = member.name.encode("utf-8"), _UTF8_NAME
        year, month, day, hour, minute, second = member.date_time
        dosdate = (year - 1980) << 9 | month << 5 | day
        dostime = hour << 11 | minute << 5 | second // 2
        size, packed = member.size, len(member.data)
        if offset + packed > _LIMIT:
            raise ValueError("the zip file would need zip64, which is not supported")
        # the fields of zipfile's structFileHeader and structCentralDir, in their order
        local = (_DEFAULTS.extract_version, 0, flags, zipfile.ZIP_DEFLATED, dostime, dosdate)
        sizes = (member.crc, packed, size, len(name))
        header = _LOCAL.pack(_LOCAL_SIGNATURE, *local, *sizes, 0)
        chunks += (header, name, member.data)
        made = (_DEFAULTS.create_version, _DEFAULTS.create_system)
        # no extra field, no comment, disk 0, no internal attributes
        tail = (0, 0, 0, 0, member.mode << 16, offset)
        central += (_CENTRAL.pack(_CENTRAL_SIGNATURE, *made, *local, *sizes, *tail), name)
        offset += len(header) + len(name) + packed
        count += 1
    directory = b"".join(central)
    if count > 0xFFFF:
        raise ValueError("the zip file would need zip64, which is not supported")
    end = _END.pack(_END_SIGNATURE, 0, 0, count, count, len(directory), offset, 0)
    chunks += (directory, end)
    return b"".join(chunks)
