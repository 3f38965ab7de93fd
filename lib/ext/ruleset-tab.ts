/**
 * How a console tab gets the ruleset in force: the bytes from the ruleset frame (ruleset-channel.ts), or, if
 * that route fails, the base64 payload by runtime message. Either way loadRulesetPayload makes the Ruleset.
 * Returns undefined when the background has no snapshot yet or it cannot be loaded (the caller screens with
 * the bundled lists meanwhile).
 */
import type { Ruleset } from '../core/ruleset';
import { fetchSnapshotViaFrame } from './ruleset-frame-client';
import { loadRulesetPayload } from './ruleset-payload';
import { onRulesetPointerChanged, readRulesetSnapshot } from './ruleset-store';

export async function fetchTabRuleset(): Promise<Ruleset | undefined> {
  const asked = performance.now();
  let via = 'frame';
  try {
    const framed = await fetchSnapshotViaFrame().catch(() => undefined);
    let payload: Parameters<typeof loadRulesetPayload>[0] | null | undefined = framed;
    if (framed)
      via = `frame (${framed.via}, read in ${Math.round(framed.readMs)} ms; ${framed.pieces.length} chunks from ${Math.round(framed.headAt)} to ${Math.round(framed.lastChunkAt)} ms)`;
    if (payload === undefined) {
      via = 'message';
      payload = await readRulesetSnapshot();
    }
    if (!payload) return undefined;
    const received = performance.now();
    let ruleset: Ruleset;
    try {
      ruleset = loadRulesetPayload(payload);
    } catch (err) {
      if (!framed) throw err;
      // Chunks that do not add up (a gap, an overlap, a short one): the message route brings the snapshot whole.
      console.warn('[先审] 规则快照分块无法加载，改用消息通道', err);
      via = 'message (frame chunks refused)';
      const whole = await readRulesetSnapshot();
      if (!whole) return undefined;
      ruleset = loadRulesetPayload(whole);
    }
    const done = performance.now();
    // Figures for the README and the updates browser test (printed there).
    console.debug(
      `[先审] ruleset loaded via ${via}: ${Math.round(done - asked)} ms from asking (${Math.round(done - received)} ms to decode), at ${Math.round(done)} ms`,
    );
    return ruleset;
  } catch (err) {
    // A snapshot of another format version: the background will rewrite it; screen with the bundled lists meanwhile.
    console.warn('[先审] 规则快照无法加载，改用内置词表', err);
    return undefined;
  }
}

/** Calls back with each newly published ruleset (only the newest if several land at once); returns the unsubscribe function. */
export function watchTabRuleset(cb: (ruleset: Ruleset) => void): () => void {
  let latest = 0;
  let stopped = false;
  const stop = onRulesetPointerChanged(() => {
    const mine = ++latest;
    void fetchTabRuleset().then((ruleset) => {
      if (ruleset && mine === latest && !stopped) cb(ruleset);
    });
  });
  return () => {
    stopped = true;
    stop();
  };
}
