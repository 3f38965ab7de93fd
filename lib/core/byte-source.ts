/**
 * Bytes that may arrive in pieces: one Uint8Array (IndexedDB, base64, files) or the chunks a tab received
 * from the ruleset frame, each at its offset. Pure.
 *
 * Why: copying a 10 MB snapshot into one fresh buffer costs more than everything else a tab does to load it
 * (first touch of new memory is page faults). The frame cuts the snapshot at its table boundaries
 * (snapshotPieces in ruleset-snapshot.ts), so every typed array the decoders ask for lies inside one piece and
 * is returned as a view onto it. Only a range that straddles pieces, or cannot be aligned, is copied.
 */

/** One received piece: `bytes` hold the source's bytes [offset, offset + bytes.byteLength). */
export interface BytePiece {
  offset: number;
  bytes: Uint8Array;
}

/** What the decoders accept: one buffer, or pieces that together cover [0, total) exactly once. */
export type ByteInput = ArrayBuffer | Uint8Array | readonly BytePiece[] | ByteSource;

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array;
type TypedCtor<T extends Typed> = { new (buffer: ArrayBuffer, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

/**
 * A plain ArrayBuffer, from this realm or another (a buffer received over a MessagePort may come from another
 * realm): a SharedArrayBuffer is copied instead (TextDecoder refuses views onto one).
 */
function isArrayBuffer(buffer: ArrayBufferLike): buffer is ArrayBuffer {
  return Object.prototype.toString.call(buffer) === '[object ArrayBuffer]';
}

/** Bytes of any realm (instanceof fails across realms), as a Uint8Array of this one over the same memory. */
function asBytes(input: ArrayBufferLike | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
}

export class ByteSource {
  /** Bytes copied so far because a range straddled pieces or was misaligned (figures and tests). */
  copiedBytes = 0;

  private constructor(
    private readonly pieces: readonly BytePiece[],
    private readonly starts: readonly number[],
    private readonly base: number,
    readonly byteLength: number,
    private readonly root: ByteSource | undefined,
  ) {}

  /**
   * Throws a RangeError for pieces that leave a gap, overlap, or carry a bad offset: a missing chunk must be
   * a load error, never a table that reads zeros.
   */
  static from(input: ByteInput): ByteSource {
    if (input instanceof ByteSource) return input;
    if (!Array.isArray(input)) {
      const bytes = asBytes(input as ArrayBuffer | Uint8Array);
      return new ByteSource([{ offset: 0, bytes }], [0], 0, bytes.byteLength, undefined);
    }
    const pieces = (input as readonly BytePiece[]).map(({ offset, bytes }) => {
      if (!Number.isInteger(offset) || offset < 0 || !(ArrayBuffer.isView(bytes) || isArrayBuffer(bytes))) throw new RangeError(`bad piece at offset ${String(offset)}`);
      return { offset, bytes: asBytes(bytes) };
    });
    pieces.sort((a, b) => a.offset - b.offset);
    let end = 0;
    for (const piece of pieces) {
      if (piece.offset > end) throw new RangeError(`missing bytes ${end}..${piece.offset}`);
      if (piece.offset < end) throw new RangeError(`pieces overlap at offset ${piece.offset}`);
      end += piece.bytes.byteLength;
    }
    return new ByteSource(pieces, pieces.map((p) => p.offset), 0, end, undefined);
  }

  /** The range [offset, offset + byteLength) as a source of its own (offsets relative to `offset`). */
  window(offset: number, byteLength: number): ByteSource {
    this.check(offset, byteLength);
    return new ByteSource(this.pieces, this.starts, this.base + offset, byteLength, this.root ?? this);
  }

  bytes(offset: number, byteLength: number): Uint8Array {
    return this.typed(Uint8Array, offset, byteLength);
  }

  uint16(offset: number, count: number): Uint16Array {
    return this.typed(Uint16Array, offset, count);
  }

  uint32(offset: number, count: number): Uint32Array {
    return this.typed(Uint32Array, offset, count);
  }

  int32(offset: number, count: number): Int32Array {
    return this.typed(Int32Array, offset, count);
  }

  private check(offset: number, byteLength: number): void {
    if (!(offset >= 0 && byteLength >= 0 && offset + byteLength <= this.byteLength))
      throw new RangeError(`truncated: bytes ${offset}..${offset + byteLength} of ${this.byteLength}`);
  }

  /** The piece holding absolute offset `at` (binary search over the sorted starts). */
  private pieceAt(at: number): BytePiece {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return this.pieces[lo];
  }

  /** A view when the range lies in one piece and the view can be aligned; otherwise a copy. */
  private typed<T extends Typed>(Ctor: TypedCtor<T>, offset: number, count: number): T {
    const size = Ctor.BYTES_PER_ELEMENT;
    const byteLength = count * size;
    this.check(offset, byteLength);
    if (count === 0) return new Ctor(new ArrayBuffer(0), 0, 0);
    const at = this.base + offset;
    const piece = this.pieceAt(at);
    const within = at - piece.offset;
    const { buffer, byteOffset } = piece.bytes;
    if (within + byteLength <= piece.bytes.byteLength && (byteOffset + within) % size === 0 && isArrayBuffer(buffer))
      return new Ctor(buffer, byteOffset + within, count);
    const copy = new Uint8Array(byteLength);
    for (let filled = 0; filled < byteLength; ) {
      const p = this.pieceAt(at + filled);
      const from = at + filled - p.offset;
      const take = Math.min(byteLength - filled, p.bytes.byteLength - from);
      copy.set(p.bytes.subarray(from, from + take), filled);
      filled += take;
    }
    (this.root ?? this).copiedBytes += byteLength;
    return new Ctor(copy.buffer, 0, count);
  }
}
