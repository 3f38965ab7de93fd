/**
 * Where a value sits in a JSON file, for error messages an admin can act on ("第 12 行"). Pure. Only used
 * after validation failed, so parsing the text a second time (with positions, via jsonc-parser) costs nothing
 * on the normal path.
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';

export type JsonPath = readonly (string | number)[];

/** Returns a function giving the 1-based line of the value at a JSON path, or undefined if there is none. */
export function jsonLineFinder(text: string): (path: JsonPath) => number | undefined {
  const tree = parseTree(text);
  let lineStarts: number[] | undefined;
  return (path) => {
    const node = tree && findNodeAtLocation(tree, [...path]);
    if (!node) return undefined;
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    // Binary search: the last line start at or before the offset.
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= node.offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
