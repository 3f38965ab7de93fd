/**
 * 规范表述 (文字关): the wording sub-checks, one file each under lib/checks/wording/. A 严重表述错误 is a 单项否决
 * item in the national inspection of government new media; typos are counted in every quarterly check.
 */
import type { CheckDef } from '../core/check';
import { confusion } from './wording/confusion';
import { doubled } from './wording/doubled';
import { formulation } from './wording/formulation';
import { numerals } from './wording/numerals';
import { punctuation } from './wording/punctuation';
import { typo } from './wording/typo';
import { variant } from './wording/variant';
import { xinhua } from './wording/xinhua';

export { confusion, doubled, formulation, numerals, punctuation, typo, variant, xinhua };

export const WORDING_CHECKS: readonly CheckDef[] = [xinhua, typo, formulation, confusion, variant, doubled, punctuation, numerals];
