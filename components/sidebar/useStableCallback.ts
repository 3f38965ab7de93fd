import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A callback whose identity never changes but always calls the latest `fn`. The mounting code may pass
 * fresh arrow functions on every render; without this every memoised finding row would re-render too.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
