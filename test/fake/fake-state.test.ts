// The fake's state stays bounded: expired tokens go as new ones are issued.
import { expect, it } from "vitest";
import { createClock } from "../../src/testing/clock.js";
import { createState, issue, valid } from "../../src/testing/state.js";

it("drops expired grants when it issues a new one", () => {
  const clock = createClock();
  const state = createState(clock);
  const old = Array.from({ length: 100 }, () => issue(state.tokens, "FAKE-token-", "1", clock.now() + 1_000, clock.now()));
  expect(state.tokens.size).toBe(100);
  expect(valid(state, state.tokens, old[0], "1")).toBeDefined();
  clock.advance(1_000);
  expect(valid(state, state.tokens, old[0], "1")).toBeUndefined();
  issue(state.tokens, "FAKE-token-", "1", clock.now() + 1_000, clock.now());
  expect(state.tokens.size).toBe(1);
});
