/**
 * Settles as `work` does, or with "timeout" once `ms` have passed; rejects with the signal's
 * reason as soon as it aborts. Whichever comes first, no timer or listener is left behind.
 * The work itself is not stopped: callers stop it themselves (the transport's `abort` hook).
 */
export function race<T>(signal: AbortSignal | undefined, work: Promise<T>, ms?: number): Promise<T | "timeout"> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      done();
      // Stryker disable next-line OptionalChaining: onAbort runs only for a signal that is there (its listener, or `signal?.aborted` true).
      reject(signal?.reason);
    };
    const timer =
      ms === undefined
        ? undefined
        : setTimeout(() => {
            done();
            resolve("timeout");
          }, ms);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort);
    work.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
