/**
 * Tab side of the ruleset hand-over: turns the payload the background sends (RulesetSnapshot) into a Ruleset.
 * One function, no browser API: the content script calls it with the payload it received, however that came.
 *
 * Cost for a 100k-term ruleset (figures in README): base64 decode with the engine's native decoder
 * (Uint8Array.fromBase64, Chrome 140+) and decodeRuleset (views onto the bytes, the automaton's checksum and a
 * bounds sweep); no entry object is built until a hit needs it.
 */
import { base64ToBytes } from '../core/base64';
import type { Ruleset } from '../core/ruleset';
import { decodeRuleset, RULESET_FORMAT } from '../core/ruleset-snapshot';
import { RulesetError } from '../core/ruleset';
import type { RulesetSnapshot } from './ruleset-store';

type NativeBase64 = { fromBase64?: (text: string) => Uint8Array };

/** Native base64 where the engine has it (Chrome 140+, Node 25+), else the core's table decoder. */
export function decodeBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  return native ? native(text) : base64ToBytes(text);
}

export function loadRulesetPayload(payload: Pick<RulesetSnapshot, 'format' | 'data'>): Ruleset {
  if (payload?.format !== RULESET_FORMAT) {
    throw new RulesetError(`规则集格式不符 (ruleset format ${String(payload?.format)}, this build reads ${RULESET_FORMAT})`);
  }
  return decodeRuleset(decodeBase64(payload.data));
}
