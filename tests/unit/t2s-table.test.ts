import { describe, expect, it } from 'vitest';
import { T2S_CHARS } from '../../lib/core/generated/t2s-chars';
import { buildT2sTable, serializeT2sTable } from '../../scripts/t2s-table';

describe('traditional -> simplified table', () => {
  it('is in step with the installed opencc-js dictionaries (run npm run gen:t2s when this fails)', async () => {
    const fresh = serializeT2sTable(await buildT2sTable());
    expect(fresh).toContain(JSON.stringify(T2S_CHARS));
  });
});
