/**
 * Every wording finding cites the regulation clause and, after '；', the standard or list the rule comes from
 * (issue 11 item 5), e.g. '003_54205cdec66d062b.txt 第九条；GB/T 15834—2011《标点符号用法》4.1'.
 */
export const WORDING_CLAUSE = '003_54205cdec66d062b.txt 第九条';

export function withSource(clause: string, source: string | undefined): string {
  const s = source?.replace(/^\[[^\]]*\]\s*/, '').trim();
  return s ? `${clause}；${s}` : clause;
}
