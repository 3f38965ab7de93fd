/**
 * The regulation files a finding may cite (../shared/regulations/README.md). Tests never read the shared folder,
 * so the registry test checks clauses against this table; add a row when a new regulation file is added there.
 */
export const REGULATION_FILES: Readonly<Record<string, string>> = {
  '000_0077cba45e8101c3.txt': '河北人社系统政务新媒体管理办法 (2022)',
  '001_c25ab7322e23089b.txt': '钟楼区政务新媒体管理实施细则 (2021)',
  '002_074be7b8a7a43552.txt': '某区政务新媒体审核发布制度',
  '003_54205cdec66d062b.txt': '六安市民政局政务新媒体管理制度 (2022)',
  '004_ffa469a3430680ee.txt': '六安市政府网站与政务新媒体管理办法 (2021)',
};

const CLAUSE_RE = /^(\d{3}_[0-9a-f]{16}\.txt) 第[一二三四五六七八九十百零〇]+条$/;

/** True when `clause` reads '<known file> 第N条'. */
export function isKnownClause(clause: string): boolean {
  const m = CLAUSE_RE.exec(clause);
  return !!m && m[1] in REGULATION_FILES;
}
