/**
 * Cell allocation for the double-array build (matcher-build.ts): growable typed arrays and first-fit base
 * search that never rescans used cells.
 */

/** check[] of a free cell. */
export const FREE = -1;
/** check[] of the root: used, yet never equal to a state, so no probe matches it. */
const ROOT_CHECK = -2;

/**
 * A free cell that failed this many times as the anchor of a multi-child base search leaves the anchor
 * list. It stays free, and single-child nodes (which fit any hole) still get it, so packing barely
 * suffers; but it stops costing every later search. Without this, each node with many children rescans the packed front of
 * the array and 100k terms take seconds.
 */
const MAX_ANCHOR_FAILURES = 16;

/**
 * "Smallest free cell >= x" in near-constant time: cells only ever go from free to used, so a union-find
 * with path halving over "used cell -> the cell after it" answers it. A single-child node (most nodes)
 * needs exactly that: the first free cell at or after its code.
 */
class NextFree {
  private parent = new Int32Array(1);

  /** Cells [oldCapacity, capacity) are new and free; index `capacity` is the "beyond the end" sentinel. */
  extend(oldCapacity: number, capacity: number): void {
    const parent = new Int32Array(capacity + 1);
    parent.set(this.parent.subarray(0, oldCapacity));
    for (let cell = oldCapacity; cell <= capacity; cell++) parent[cell] = cell;
    this.parent = parent;
  }

  markUsed(cell: number): void {
    this.parent[cell] = cell + 1;
  }

  /** The smallest free cell >= cell; a result >= capacity means "grow first". */
  find(cell: number): number {
    const parent = this.parent;
    if (cell >= parent.length) return cell;
    while (parent[cell] !== cell) {
      const next = parent[cell];
      parent[cell] = parent[next]; // path halving
      cell = parent[cell];
    }
    return cell;
  }
}

/** A circular doubly linked list of cells in ascending order (cells are only ever appended in order). */
class CellList {
  next = new Int32Array(0);
  prev = new Int32Array(0);
  member = new Uint8Array(0);
  /** First cell, or -1 when empty. */
  head = -1;

  /** Makes room for `capacity` cells and appends [oldCapacity, capacity) at the tail. */
  extend(oldCapacity: number, capacity: number): void {
    const next = new Int32Array(capacity);
    next.set(this.next);
    const prev = new Int32Array(capacity);
    prev.set(this.prev);
    const member = new Uint8Array(capacity);
    member.set(this.member);
    member.fill(1, oldCapacity);
    for (let cell = oldCapacity; cell < capacity; cell++) {
      next[cell] = cell + 1;
      prev[cell] = cell - 1;
    }
    const first = oldCapacity;
    const last = capacity - 1;
    if (this.head < 0) {
      prev[first] = last;
      next[last] = first;
      this.head = first;
    } else {
      const tail = prev[this.head];
      next[tail] = first;
      prev[first] = tail;
      next[last] = this.head;
      prev[this.head] = last;
    }
    this.next = next;
    this.prev = prev;
    this.member = member;
  }

  remove(cell: number): void {
    if (this.member[cell] === 0) return;
    this.member[cell] = 0;
    const next = this.next[cell];
    if (next === cell) {
      this.head = -1;
      return;
    }
    const prev = this.prev[cell];
    this.next[prev] = next;
    this.prev[next] = prev;
    if (this.head === cell) this.head = next;
  }
}

export class CellStore {
  capacity = 0;
  base = new Int32Array(0);
  check = new Int32Array(0);
  fail = new Int32Array(0);
  output = new Int32Array(0);
  outputLink = new Int32Array(0);
  /** Where single-child nodes go: the first free cell at or after their code. */
  private readonly free = new NextFree();
  /** Free cells still worth trying as the anchor of a multi-child node. */
  private readonly anchors = new CellList();
  private anchorFailures = new Uint8Array(0);
  /** Highest cell index ever used, to trim the arrays at the end. */
  maxUsed = 0;

  constructor(initialCapacity: number) {
    this.grow(Math.max(initialCapacity, 16));
    this.takeCell(0);
    this.check[0] = ROOT_CHECK;
  }

  grow(minCapacity: number): void {
    if (minCapacity <= this.capacity) return;
    const oldCapacity = this.capacity;
    const capacity = Math.max(minCapacity, oldCapacity * 2);
    const widen = (old: Int32Array, fill: number) => {
      const next = new Int32Array(capacity);
      next.set(old);
      if (fill !== 0) next.fill(fill, oldCapacity);
      return next;
    };
    this.base = widen(this.base, 0);
    this.check = widen(this.check, FREE);
    this.fail = widen(this.fail, 0);
    this.output = widen(this.output, -1);
    this.outputLink = widen(this.outputLink, 0);
    const anchorFailures = new Uint8Array(capacity);
    anchorFailures.set(this.anchorFailures);
    this.anchorFailures = anchorFailures;
    this.free.extend(oldCapacity, capacity);
    this.anchors.extend(oldCapacity, capacity);
    this.capacity = capacity;
  }

  isFree(cell: number): boolean {
    return cell >= this.capacity || this.check[cell] === FREE;
  }

  /** Marks a cell used; the caller then writes its real check (parent). */
  takeCell(cell: number): void {
    this.grow(cell + 1);
    this.free.markUsed(cell);
    this.anchors.remove(cell);
    this.check[cell] = 0;
    if (cell > this.maxUsed) this.maxUsed = cell;
  }

  /** A base >= 0 that puts every child (ascending `codes`) on a free cell; first fit in list order. */
  findBase(codes: readonly number[]): number {
    return codes.length === 1 ? this.findSingle(codes[0]) : this.findMulti(codes);
  }

  private findSingle(code: number): number {
    const cell = this.free.find(code);
    this.grow(cell + 1);
    return cell - code;
  }

  private findMulti(codes: readonly number[]): number {
    const first = codes[0];
    const list = this.anchors;
    if (list.head < 0) this.grow(this.capacity + codes[codes.length - 1] + 1);
    let cell = list.head;
    for (;;) {
      let next = list.next[cell];
      if (cell >= first) {
        const base = cell - first;
        let fits = true;
        for (let k = 1; k < codes.length; k++) {
          if (!this.isFree(base + codes[k])) {
            fits = false;
            break;
          }
        }
        if (fits) return base;
        if (++this.anchorFailures[cell] >= MAX_ANCHOR_FAILURES && next !== cell) {
          list.remove(cell); // leaves the removed cell's own links intact, so `next` stays valid
        }
      }
      if (list.head < 0 || next <= cell) {
        // Wrapped around: no free cell fits before the end, so open new space and try its first cell.
        const start = this.capacity;
        this.grow(this.capacity + codes[codes.length - 1] + 1);
        next = start;
      }
      cell = next;
    }
  }
}
