/**
 * A regex character class as a predicate over UTF-16 code units, memoised in a 64K table. Scans that asked
 * `re.test(text[i])` made a one-character string per non-ASCII unit and ran the regex engine on it; on a pasted
 * megabyte that was most of their cost. Same answers as `re.test(String.fromCharCode(unit))`.
 */
export function unitClass(re: RegExp): (unit: number) => boolean {
  if (re.global || re.sticky) throw new Error(`unitClass needs a regex without g or y: ${re}`);
  const memo = new Uint8Array(0x10000); // 0 not asked yet, 1 in the class, 2 not
  return (unit) => {
    let v = memo[unit];
    if (v === 0) memo[unit] = v = re.test(String.fromCharCode(unit)) ? 1 : 2;
    return v === 1;
  };
}
