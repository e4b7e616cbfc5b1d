// The measure every throughput contender shares, on every runtime: calls per second.

export type Call = () => Promise<unknown>;

/** Calls per second of `call`: `total` calls, `inFlight` at a time. */
export async function callsPerSecond(call: Call, total: number, inFlight: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next++ < total) await call();
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return total / ((performance.now() - started) / 1000);
}
