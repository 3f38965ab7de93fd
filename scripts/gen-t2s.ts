/**
 * Builds lib/core/generated/t2s-chars.ts: a per-character traditional -> simplified table from opencc-js's
 * own dictionaries (HK and TW variants folded first, then TSCharacters), so normalisation maps one code point
 * at a time with an exact offset map and no phrase-level segmentation on every keystroke.
 * Run: npm run gen:t2s (a unit test fails when the committed table drifts from the installed opencc-js).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildT2sTable, serializeT2sTable } from './t2s-table';

const out = fileURLToPath(new URL('../lib/core/generated/t2s-chars.ts', import.meta.url));
const table = await buildT2sTable();
writeFileSync(out, serializeT2sTable(table));
console.log(`wrote ${table.size} entries to ${out}`);
