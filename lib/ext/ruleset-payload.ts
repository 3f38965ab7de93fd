/**
 * Tab side of the ruleset hand-over: turns the payload a tab received into a Ruleset. No browser API.
 *
 * Cost for a 100k-term ruleset (figures in README): when the chunks come from the ruleset frame, which checked
 * them, decodeRuleset only makes views onto them (they are cut at table boundaries); the messaging fallback
 * checks everything and adds a native base64 decode (Uint8Array.fromBase64, Chrome 140+). No entry object is
 * built until a hit needs it.
 */
import { base64ToBytes } from '../core/base64';
import type { BytePiece } from '../core/byte-source';
import type { Ruleset } from '../core/ruleset';
import { decodeRuleset, RULESET_FORMAT } from '../core/ruleset-snapshot';
import { RulesetError } from '../core/ruleset';

type NativeBase64 = { fromBase64?: (text: string) => Uint8Array };

/** Native base64 where the engine has it (Chrome 140+, Node 25+), else the core's table decoder. */
export function decodeBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  return native ? native(text) : base64ToBytes(text);
}

/**
 * The payload a tab received, however it came: `pieces` from the ruleset frame (the chunks as received, read in
 * place: no copy, no decoding) or `data` (base64) from runtime messaging.
 */
export function loadRulesetPayload(payload: { format: string; data?: string; pieces?: readonly BytePiece[]; verified?: boolean }): Ruleset {
  if (payload?.format !== RULESET_FORMAT) {
    throw new RulesetError(`规则集格式不符 (ruleset format ${String(payload?.format)}, this build reads ${RULESET_FORMAT})`);
  }
  // `verified`: the ruleset frame already loaded these bytes with every check (ruleset-channel.ts).
  if (Array.isArray(payload.pieces)) return decodeRuleset(payload.pieces, { verified: payload.verified === true });
  if (typeof payload.data === 'string') return decodeRuleset(decodeBase64(payload.data));
  throw new RulesetError('规则集快照缺少数据 (snapshot without data)');
}
