/**
 * Indexed near-miss search: every span of a text that is one or two edits (a missing, extra, substituted or
 * transposed character: optimal-string-alignment distance) away from one of a set of target phrases, and not
 * equal to it. Used for the official formulations (社会主意核心价值观, 以习近平为核心的党中央).
 *
 * Why it is linear: a target of length m tolerating k edits is cut into k + 1 pieces with at least one
 * character between neighbours. One edit can break at most one piece (a transposition across a gap moves the
 * gap character, not a piece character of both neighbours), so a span within k edits contains at least one
 * piece verbatim: an anchor. Every piece of every target goes into ONE Aho-Corasick automaton (the project's
 * double-array matcher), so the text is scanned once; only where an anchor occurs is the target verified, first
 * by a bigram count filter and then by a banded semi-global alignment of O(m·(m+2k)). Pieces are chosen to be
 * the rarest substrings among all targets, each alignment start is verified at most once per target, so the work
 * per text position is bounded by a constant of the target set, never by the text: 1 MB of adversarial text costs
 * the same per character as 1 kB.
 *
 * Two guards keep ordinary text clean:
 * - the first and last character of the target must be matched as they are (an edit at an edge is usually a
 *   different phrase: 中国特色社会主义道路 vs …制度), except where `openEnd` says the phrase ends at a break;
 * - `legit` phrases (the targets themselves and allowed sibling forms such as 全面建设小康社会) found verbatim
 *   "explain" a candidate that contains them with at most k extra characters, and suppress it.
 *
 * Pure: strings in, offsets into the same string out.
 */
import { Automaton } from './matcher';

export interface NearMissHit {
  /** Index of the target in the `targets` given to build(). */
  target: number;
  /** Offsets into the searched text: text.slice(start, end) is the near miss. */
  start: number;
  end: number;
  /** Edit distance (1 or 2). */
  distance: number;
}

export interface NearMissOptions {
  /** Edits tolerated for a target of the given length (0 = exact only, never a near miss). */
  maxEdits?: (length: number) => number;
  /**
   * Where the target's last character may itself be the mistyped one: true when the text at `end` shows the phrase
   * ends there (a clause break, say), so 富强民主文明和协， is a near miss while 社会主义核心价值体|系 is another phrase.
   */
  openEnd?: (text: string, end: number, target: number) => boolean;
}

/** Default: targets under 6 characters are too close to ordinary words; 6–9 allow one edit, 10+ two. */
export function defaultMaxEdits(length: number): number {
  if (length < 6) return 0;
  return length < 10 ? 1 : 2;
}

const MIN_PIECE = 2;
const MAX_PIECE = 6;
/** Characters scanned per chunk (see search()). */
const CHUNK = 1 << 16;
const INF = 1 << 20;

interface Target {
  text: string;
  k: number;
  /** Bigram code -> slot in `bigramNeed`; the count filter needs at least `minShared` shared bigrams. */
  bigramSlot: Map<number, number>;
  bigramNeed: Int16Array;
  minShared: number;
}

const bigram = (s: string, i: number) => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

/** Number of targets containing each substring of length MIN_PIECE..MAX_PIECE (for choosing rare pieces). */
function substringFrequency(targets: readonly string[]): Map<string, number> {
  const freq = new Map<string, number>();
  for (const t of targets) {
    const seen = new Set<string>();
    for (let i = 0; i < t.length; i++)
      for (let len = MIN_PIECE; len <= MAX_PIECE && i + len <= t.length; len++) seen.add(t.slice(i, i + len));
    for (const s of seen) freq.set(s, (freq.get(s) ?? 0) + 1);
  }
  return freq;
}

/**
 * k + 1 pieces [start, end) of `t`, each MIN_PIECE..MAX_PIECE long, at least one character apart, minimising
 * the summed frequency of the pieces among all targets (DP over positions); undefined if the target is too short.
 */
export function choosePieces(t: string, k: number, freq: Map<string, number>): [number, number][] | undefined {
  const m = t.length;
  const n = k + 1;
  // cost[s * W + len]: how many targets share the piece t[s, s + len); shorter pieces cost a little more (more anchor hits).
  const W = MAX_PIECE + 1;
  const cost = new Float64Array(m * W).fill(INF);
  for (let s0 = 0; s0 < m; s0++)
    for (let len = MIN_PIECE; len <= MAX_PIECE && s0 + len <= m; len++) cost[s0 * W + len] = (freq.get(t.slice(s0, s0 + len)) ?? 1) * 8 + (MAX_PIECE - len);
  // best[j * (m + 1) + i]: least cost of j pieces inside t[0, i); from[...]: start of the last piece (-1: carried over).
  const best = new Float64Array((n + 1) * (m + 1)).fill(INF);
  const lastStart = new Int32Array((n + 1) * (m + 1)).fill(-1);
  const lastEnd = new Int32Array((n + 1) * (m + 1)).fill(-1);
  best.fill(0, 0, m + 1);
  for (let j = 1; j <= n; j++) {
    const row = j * (m + 1);
    const prevRow = (j - 1) * (m + 1);
    for (let i = 0; i <= m; i++) {
      if (i > 0 && best[row + i - 1] < best[row + i]) {
        best[row + i] = best[row + i - 1];
        lastStart[row + i] = lastStart[row + i - 1];
        lastEnd[row + i] = lastEnd[row + i - 1];
      }
      for (let len = MIN_PIECE; len <= MAX_PIECE && len <= i; len++) {
        const s0 = i - len;
        const prevEnd = j === 1 ? s0 : s0 - 1; // one gap character before every piece but the first
        if (prevEnd < 0 || best[prevRow + prevEnd] >= INF) continue;
        const c = best[prevRow + prevEnd] + cost[s0 * W + len];
        if (c < best[row + i]) {
          best[row + i] = c;
          lastStart[row + i] = s0;
          lastEnd[row + i] = i;
        }
      }
    }
  }
  if (best[n * (m + 1) + m] >= INF) return undefined;
  const pieces: [number, number][] = [];
  let i = m;
  for (let j = n; j >= 1; j--) {
    const at = j * (m + 1) + i;
    pieces.unshift([lastStart[at], lastEnd[at]]);
    i = j === 1 ? lastStart[at] : lastStart[at] - 1;
  }
  return pieces;
}

export class NearMissIndex {
  private readonly targets: Target[];
  private readonly anchors: Automaton;
  /** Per anchor pattern: flat (target, offset of the piece in the target) pairs. */
  private readonly anchorRefs: Int32Array[];
  /** Legit phrases; a candidate is explained away by one inside it (checked by substring lookup, see explainAway). */
  private readonly legit: Set<string>;
  private readonly maxK: number;
  private readonly maxLen: number;
  /** Alignment matrices, reused across verifications (one search at a time: search() is synchronous). */
  private scratchD = new Int32Array(0);
  private scratchO = new Int32Array(0);

  private readonly openEnd: ((text: string, end: number, target: number) => boolean) | undefined;

  private constructor(targets: Target[], anchors: Automaton, anchorRefs: Int32Array[], legit: Set<string>, openEnd?: (text: string, end: number, target: number) => boolean) {
    this.openEnd = openEnd;
    this.targets = targets;
    this.anchors = anchors;
    this.anchorRefs = anchorRefs;
    this.legit = legit;
    this.maxK = Math.max(0, ...targets.map((t) => t.k));
    this.maxLen = Math.max(0, ...targets.map((t) => t.text.length));
  }

  /**
   * @param targets phrases whose near misses are reported (already in the normal form the text will be in)
   * @param legit   phrases that are right as they are (include the targets); a candidate containing one of them
   *                with at most k characters to spare is not a near miss
   */
  static build(targets: readonly string[], legit: readonly string[] = targets, opts: NearMissOptions = {}): NearMissIndex {
    const maxEdits = opts.maxEdits ?? defaultMaxEdits;
    const freq = substringFrequency(targets);
    const pieceIds = new Map<string, number>();
    const pieceRefs: number[][] = [];
    const built: Target[] = targets.map((text, ti) => {
      let k = Math.max(0, Math.min(2, maxEdits(text.length)));
      const pieces = k > 0 ? choosePieces(text, k, freq) : undefined;
      if (!pieces) k = 0;
      for (const [s, e] of pieces ?? []) {
        const piece = text.slice(s, e);
        let id = pieceIds.get(piece);
        if (id === undefined) {
          pieceIds.set(piece, (id = pieceRefs.length));
          pieceRefs.push([]);
        }
        pieceRefs[id].push(ti, s);
      }
      const bigramSlot = new Map<number, number>();
      const need: number[] = [];
      for (let i = 0; i + 1 < text.length; i++) {
        const code = bigram(text, i);
        const slot = bigramSlot.get(code);
        if (slot === undefined) {
          bigramSlot.set(code, need.length);
          need.push(1);
        } else need[slot]++;
      }
      // An edit destroys at most three bigrams (a transposition: xa ab by -> xb ba ay).
      return { text, k, bigramSlot, bigramNeed: Int16Array.from(need), minShared: text.length - 1 - 3 * k };
    });
    const pieces = [...pieceIds.keys()];
    return new NearMissIndex(
      built,
      Automaton.build(pieces),
      pieceRefs.map((r) => Int32Array.from(r)),
      new Set(legit.filter((s) => s.length > 0)),
      opts.openEnd,
    );
  }

  /** Number of targets that can have near misses (k > 0). */
  get searchableTargets(): number {
    return this.targets.filter((t) => t.k > 0).length;
  }

  /**
   * Every near miss in `text`, in order of start; overlapping candidates keep the one with fewer edits.
   * `maxHits` stops the search once that many candidates are found (the text is scanned in chunks, so a pasted
   * megabyte of near misses is not verified to its end when the caller shows only the first few hundred).
   */
  search(text: string, maxHits = Infinity): NearMissHit[] {
    if (this.maxK === 0 || text.length === 0) return [];
    const coveredTo = new Int32Array(this.targets.length).fill(-INF);
    const counts = new Int16Array(this.maxLen);
    const raw: NearMissHit[] = [];
    const overlap = MAX_PIECE - 1;
    for (let c0 = 0; c0 < text.length && raw.length < maxHits; c0 += CHUNK) {
      // Anchors ending in (c0, c0 + CHUNK]; the chunk starts earlier so a piece across the cut is still seen.
      const from = Math.max(0, c0 - overlap);
      this.anchors.scan(text.slice(from, Math.min(text.length, c0 + CHUNK)), (pieceId, endInChunk) => {
        const end = from + endInChunk;
        if (end <= c0) return;
        this.onAnchor(text, pieceId, end, coveredTo, counts, raw);
      });
    }
    return this.explainAway(text, pick(raw));
  }

  private onAnchor(text: string, pieceId: number, end: number, coveredTo: Int32Array, counts: Int16Array, raw: NearMissHit[]): void {
    {
      const refs = this.anchorRefs[pieceId];
      const pieceLen = this.anchors.patternLength(pieceId);
      for (let r = 0; r < refs.length; r += 2) {
        const ti = refs[r];
        const target = this.targets[ti];
        const k = target.k;
        const s0 = end - pieceLen - refs[r + 1];
        // Alignment starts [s0 - k, s0 + k]; skip those this target was already verified for.
        const from = Math.max(s0 - k, coveredTo[ti] + 1, 0);
        const to = s0 + k;
        if (from > to) continue;
        coveredTo[ti] = to;
        const hit = this.verify(text, ti, target, from, to, counts);
        if (hit) raw.push(hit);
      }
    }
  }

  /** Best alignment of `target` starting in [from, to]: a near miss, or undefined (none, or an exact match). */
  private verify(text: string, ti: number, target: Target, from: number, to: number, counts: Int16Array): NearMissHit | undefined {
    const p = target.text;
    const m = p.length;
    const k = target.k;
    const winEnd = Math.min(text.length, to + m + k);
    if (winEnd - from < m - k) return undefined;
    // Edges first (O(k)): a span starts on the target's first character and ends on its last (or at an open end).
    // Sibling formulations (中国特色社会主义道路／制度) share long middles and fail here, before any counting.
    let startSeen = false;
    for (let i = from; i <= to && !startSeen; i++) startSeen = text.charCodeAt(i) === p.charCodeAt(0);
    if (!startSeen) return undefined;
    let endSeen = false;
    for (let e = Math.max(from + 1, from + m - k); e <= winEnd && !endSeen; e++)
      endSeen = text.charCodeAt(e - 1) === p.charCodeAt(m - 1) || (this.openEnd?.(text, e, ti) ?? false);
    if (!endSeen) return undefined;
    // Bigram count filter: the window must share enough bigrams (with multiplicity) with the target.
    counts.fill(0, 0, target.bigramNeed.length);
    let shared = 0;
    for (let i = from; i + 1 < winEnd; i++) {
      const slot = target.bigramSlot.get(bigram(text, i));
      if (slot !== undefined && counts[slot] < target.bigramNeed[slot]) {
        counts[slot]++;
        shared++;
      }
    }
    if (shared < target.minShared) return undefined;
    // Semi-global OSA alignment of p against text[from, winEnd): free start at columns 0..(to - from).
    const w = winEnd - from;
    const cols = w + 1;
    const need = (m + 1) * cols;
    if (this.scratchD.length < need) {
      this.scratchD = new Int32Array(need);
      this.scratchO = new Int32Array(need);
    }
    const d = this.scratchD;
    const origin = this.scratchO;
    // A span starts where the text has the target's first character (edges as they are, see below).
    const first = p.charCodeAt(0);
    for (let j = 0; j <= w; j++) {
      d[j] = j <= to - from && text.charCodeAt(from + j) === first ? 0 : INF;
      origin[j] = j;
    }
    for (let i = 1; i <= m; i++) {
      const row = i * cols;
      d[row] = d[0] === 0 ? i : INF;
      origin[row] = 0;
      const pc = p.charCodeAt(i - 1);
      for (let j = 1; j <= w; j++) {
        const tc = text.charCodeAt(from + j - 1);
        let best = d[row - cols + j - 1] + (pc === tc ? 0 : 1);
        let org = origin[row - cols + j - 1];
        const del = d[row - cols + j] + 1; // target character missing from the text
        if (del < best) { best = del; org = origin[row - cols + j]; }
        const ins = d[row + j - 1] + 1; // extra character in the text
        if (ins < best) { best = ins; org = origin[row + j - 1]; }
        if (i > 1 && j > 1 && pc === text.charCodeAt(from + j - 2) && p.charCodeAt(i - 2) === tc) {
          const tr = d[row - 2 * cols + j - 2] + 1;
          if (tr < best) { best = tr; org = origin[row - 2 * cols + j - 2]; }
        }
        d[row + j] = best;
        origin[row + j] = org;
      }
    }
    // Least distance; among equals the span closest to the target's length.
    const last = m * cols;
    let bestD = INF;
    let bestJ = -1;
    let bestOff = INF;
    for (let j = 1; j <= w; j++) {
      const dist = d[last + j];
      if (dist > k || !this.endOk(text, origin[last + j] + from, from + j, ti)) continue;
      const off = Math.abs(j - origin[last + j] - m);
      if (dist < bestD || (dist === bestD && off < bestOff)) {
        bestD = dist;
        bestJ = j;
        bestOff = off;
      }
    }
    if (bestJ < 0 || bestD === 0) return undefined;
    const start = from + origin[last + bestJ];
    const end = from + bestJ;
    // Edges as they are: an edit at the first or last character is usually another phrase, not a typo.
    if (text.charCodeAt(start) !== p.charCodeAt(0) || !this.endOk(text, start, end, ti)) return undefined;
    return { target: ti, start, end, distance: bestD };
  }

  /** The last character as it is, or mistyped in place (same length: a shorter span is a legit shorter form). */
  private endOk(text: string, start: number, end: number, ti: number): boolean {
    const p = this.targets[ti].text;
    if (text.charCodeAt(end - 1) === p.charCodeAt(p.length - 1)) return true;
    return end - start === p.length && (this.openEnd?.(text, end, ti) ?? false);
  }

  /**
   * Drops candidates that are a legit phrase found verbatim plus at most k characters around or inside it: for a
   * candidate of length L only substrings of length L - k .. L can explain it, (k + 1)² set lookups at most.
   */
  private explainAway(text: string, hits: NearMissHit[]): NearMissHit[] {
    if (this.legit.size === 0) return hits;
    return hits.filter((h) => {
      const k = this.targets[h.target].k;
      const len = h.end - h.start;
      for (let l = len; l >= Math.max(1, len - k); l--)
        for (let s = h.start; s + l <= h.end; s++) if (this.legit.has(text.slice(s, s + l))) return false;
      return true;
    });
  }
}

/**
 * Of overlapping candidates keep the fewest edits, then the longest (the fullest formulation around the typo:
 * 习近平新时代中国特色社会主义思想 rather than its part 新时代中国特色社会主义), then the earliest. Candidates are clustered by
 * overlap first so the choice stays local; a pathological cluster (over MAX_CLUSTER) is thinned left to right.
 */
const MAX_CLUSTER = 64;
function pick(hits: NearMissHit[]): NearMissHit[] {
  if (hits.length < 2) return hits;
  const sorted = [...hits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: NearMissHit[] = [];
  let cluster: NearMissHit[] = [];
  let reach = -1;
  const flush = () => {
    if (cluster.length > MAX_CLUSTER) {
      for (const h of cluster) if (!kept.length || kept[kept.length - 1].end <= h.start) kept.push(h);
    } else {
      const chosen: NearMissHit[] = [];
      const order = [...cluster].sort((a, b) => a.distance - b.distance || b.end - b.start - (a.end - a.start) || a.start - b.start);
      for (const h of order) if (!chosen.some((c) => c.start < h.end && h.start < c.end)) chosen.push(h);
      kept.push(...chosen.sort((a, b) => a.start - b.start));
    }
    cluster = [];
  };
  for (const h of sorted) {
    if (cluster.length && h.start >= reach) flush();
    cluster.push(h);
    reach = Math.max(reach, h.end);
  }
  flush();
  return kept;
}
