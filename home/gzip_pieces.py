"""Gzip for a page the page cache keeps in pieces, with live parts (home/live.py) between them.
The pieces are compressed once, when the page is stored; a hit sends them with that request's
parts between them as one gzip member (RFC 1952), each part as stored deflate blocks (RFC 1951,
3.2.4: uncompressed, a few hundred bytes), so no request compresses the page again. This is
how pigz joins pieces compressed apart: each ends on a byte boundary (a sync flush) and none
refers back to another."""

import struct
import zlib

# Deflate, no file name, no time, unknown system.
HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
# An empty stored block marked last.
LAST_BLOCK = b"\x01\x00\x00\xff\xff"
STORED_BLOCK_SIZE = 0xFFFF


def deflate(piece, level=6):
    """`piece` as raw deflate blocks that end on a byte boundary, none marked last."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(piece) + compressor.flush(zlib.Z_SYNC_FLUSH)


def inflate(deflated):
    return zlib.decompressobj(-zlib.MAX_WBITS).decompress(deflated)


def stored(data):
    """`data` as stored (uncompressed) deflate blocks, none marked last."""
    blocks = []
    for start in range(0, len(data), STORED_BLOCK_SIZE):
        chunk = data[start : start + STORED_BLOCK_SIZE]
        blocks += [struct.pack("<BHH", 0, len(chunk), len(chunk) ^ 0xFFFF), chunk]
    return b"".join(blocks)


def interleave(pieces, parts):
    """pieces[0] parts[0] pieces[1] … parts[-1] pieces[-1]."""
    joined = [pieces[0]]
    for part, piece in zip(parts, pieces[1:], strict=True):
        joined += [part, piece]
    return b"".join(joined)


def join(deflated_pieces, parts, compressed):
    """The page: the pieces (`deflate`d) with `parts` (bytes) between them, gzipped when
    `compressed`, else plain."""
    page = interleave([inflate(piece) for piece in deflated_pieces], parts)
    if not compressed:
        return page
    body = interleave(deflated_pieces, [stored(part) for part in parts])
    trailer = struct.pack("<II", zlib.crc32(page), len(page) & 0xFFFFFFFF)
    return b"".join((HEADER, body, LAST_BLOCK, trailer))
