/**
 * How a console tab gets the compiled ruleset without JSON: a hidden extension page (ruleset-frame.html,
 * web-accessible) that the content script embeds and talks to over a private MessageChannel. The frame runs
 * in the extension's process, reads the binary snapshot (IndexedDB, or the background by message when the
 * frame's storage is partitioned away from the background's), and posts the bytes as ArrayBuffers, which the
 * tab receives as copies: no JSON parse, no base64 on the page's main thread.
 *
 * Handshake: the content script posts {type: HANDSHAKE} with a MessagePort to the frame, with the extension
 * origin as target (the page cannot read it). The frame accepts ONE handshake for its lifetime, so a page that
 * posts its own first only makes the tab fall back to runtime messaging; it can never feed the tab data.
 */
import type { BytePiece } from '../core/byte-source';
import type { RulesetSnapshot } from './ruleset-store';

export const RULESET_FRAME_PATH = '/ruleset-frame.html';
export const HANDSHAKE = 'xs:ruleset-port';

export type FrameRequest = { type: 'get' };

/**
 * The bytes travel in chunks, one message each, cut at the snapshot's section boundaries (snapshotPieces in
 * lib/core/ruleset-snapshot.ts): a 10 MB ArrayBuffer in one message is deserialised in one task on the page's
 * main thread (about 100 ms measured on a loaded 2-core machine), and a chunk that holds whole tables lets the
 * tab decode straight from the chunks it received, with no reassembly copy (a fresh 10 MB copy costs ~30 ms of
 * page faults). Small sections share a chunk up to `packBytes`; each automaton table (~2 MB for 100k terms of
 * 3-6 characters) travels whole up to `maxBytes` (a 4 MB message is still a short task); only a larger one is
 * cut, and the tab then copies that table.
 */
export const CHUNK_SIZES = { packBytes: 1024 * 1024, maxBytes: 4 * 1024 * 1024 } as const;

/** The snapshot's fields except its data, which follows as chunks. */
export type FrameSnapshotHead = Omit<RulesetSnapshot, 'data'> & {
  byteLength: number;
  /** Where the frame got the bytes, and how long that took it (for the figures the tab logs). */
  via: 'indexeddb' | 'message';
  readMs: number;
  /** The frame loaded these exact bytes with every check (decodeRuleset): the tab may skip them. */
  verified: boolean;
};

export type FrameReply =
  | { type: 'head'; snapshot: FrameSnapshotHead | null }
  | { type: 'chunk'; offset: number; bytes: ArrayBuffer }
  | { type: 'error'; error: string };

/**
 * What the tab ends up with: the chunks as received (decodeRuleset reads them in place); `headAt`/`lastChunkAt`
 * (performance.now()) are for the figures the tab logs.
 */
export type FrameSnapshot = FrameSnapshotHead & { pieces: BytePiece[]; headAt: number; lastChunkAt: number };
