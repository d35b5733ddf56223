/** Helpers shared by the simulator's own tests (`sim/*.test.ts`); not used by the simulator. */

/**
 * Polls `fn` every 10 ms until it returns something other than `undefined`.
 *
 * @param fn checked at once, then every 10 ms; its first non-`undefined` value is the result.
 * @param timeoutMs how long to keep polling, in ms (default 5000).
 * @returns the first non-`undefined` value of `fn`.
 * @throws rejects with `Error('timed out')` once `timeoutMs` has passed; an exception thrown by
 *   `fn` on the first call rejects, on a later call it escapes from the timer.
 */
export function waitFor<T>(fn: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      const v = fn();
      if (v !== undefined) return resolve(v);
      if (Date.now() - start > timeoutMs) return reject(new Error('timed out'));
      setTimeout(poll, 10);
    };
    poll();
  });
}
