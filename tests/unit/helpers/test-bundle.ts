/** A signed-update bundle as an admin would publish it: the sensitive list with the given terms (block, drugs). */
import { BUNDLE_FORMAT, type Bundle } from '../../../lib/bundle/schema';

export function testBundle(version: number, terms: string[], issuer = '市委网信办'): Bundle {
  return {
    format: BUNDLE_FORMAT,
    version,
    issuedAt: new Date().toISOString(),
    issuer,
    lists: [
      {
        id: 'sensitive',
        name: '违法有害信息',
        category: 'sensitive',
        severity: 'block',
        clause: '004_ffa469a3430680ee.txt 第三十一条',
        entries: terms.map((term) => ({ term, severity: 'block' as const, tag: 'drugs' })),
      },
    ],
  };
}
