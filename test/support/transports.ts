// The two transports every behaviour and fault suite runs on: the Node entry's undici
// request(), and the WHATWG fetch of the entry for other runtimes (what browsers use too).
import { createMeetingClient as onUndici } from "../../src/node.js";
import { createMeetingClient as onFetch } from "../../src/universal.js";

export const transports = [
  ["undici", onUndici],
  ["fetch", onFetch],
] as const;
