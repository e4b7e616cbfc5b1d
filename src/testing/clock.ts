// The fake's clock: real time plus whatever advanceTime() has added. Tokens and heart-beats
// expire on it, so a test can jump half an hour without waiting.
export interface Clock {
  /** Epoch ms on the fake's clock. */
  now(): number;
  advance(ms: number): void;
}

export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
    },
  };
}
