"""Gzip for a page the page cache keeps in pieces, with live parts (home/live.py) between them.
The pieces are compressed once, when the page is stored; a hit sends them with that request's
parts between them as one gzip member (RFC 1952), each part as stored deflate blocks (RFC 1951,
3.2.4: uncompressed, a few hundred bytes), so no request compresses the page again. This is
how pigz joins pieces compressed apart: each ends on a byte boundary (a sync flush) and none
refers back to another.

The gzip trailer holds the CRC-32 of the whole page. Rather than decompress every piece on each
hit to compute it, each piece is kept with what it does to a running CRC (`crc_step`): CRC-32
is affine over GF(2) in the value it starts from, so 33 numbers per piece, taken when it is
stored, carry any running value across the piece without its bytes."""

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


def crc_step(piece):
    """[length of `piece`, its CRC-32 from 0, then for each bit of a running CRC what that bit
    changes in the CRC after `piece`]: zlib.crc32(piece, value) without `piece`
    (`continue_crc`)."""
    start = zlib.crc32(piece)
    return [len(piece), start, *(zlib.crc32(piece, 1 << bit) ^ start for bit in range(32))]


def continue_crc(step, value):
    """zlib.crc32(piece, value) from `piece`'s `crc_step`."""
    crc = step[1]
    bit = 2
    while value:
        if value & 1:
            crc ^= step[bit]
        value >>= 1
        bit += 1
    return crc


def interleave(pieces, parts):
    """pieces[0] parts[0] pieces[1] … parts[-1] pieces[-1]."""
    joined = [pieces[0]]
    for part, piece in zip(parts, pieces[1:], strict=True):
        joined += [part, piece]
    return b"".join(joined)


def join(deflated_pieces, steps, parts, compressed):
    """The page: the pieces (`deflate`d, with their `crc_step`s) with `parts` (bytes) between
    them, gzipped when `compressed`, else plain."""
    if not compressed:
        return interleave([inflate(piece) for piece in deflated_pieces], parts)
    crc, length = 0, 0
    for step, part in zip(steps, [*parts, b""], strict=True):
        crc = zlib.crc32(part, continue_crc(step, crc))
        length += step[0] + len(part)
    body = interleave(deflated_pieces, [stored(part) for part in parts])
    trailer = struct.pack("<II", crc, length & 0xFFFFFFFF)
    return b"".join((HEADER, body, LAST_BLOCK, trailer))
