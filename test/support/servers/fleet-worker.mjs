// One process of a fleet, spawned by test/fleet/fleet.test.ts: a client with a Redis token store,
// from the built package (dist/: `npm run build` first), imported by its own name as a user
// would, and in plain JavaScript so that eight of them start quickly.
// Reads commands from stdin, one JSON line each; writes events to stdout, one JSON line each:
//   in:  {"calls": M}             M concurrent realTimeInfo() calls → out: {"done": ok, "failed": [messages]}
//   out: {"ready": true}          connected to Redis, ready for commands
//   out: {"tokenRequest": true}   this process is about to send a token request (then waits tokenDelayMs)
//   out: {"log": line}            a debug line about the token store
import { createInterface } from "node:readline";
import { createClient } from "redis";
import { createMeetingClient } from "huaweicloud-meeting-control";
import { redisTokenStore } from "huaweicloud-meeting-control/redis";

const config = JSON.parse(process.env.FLEET_CONFIG);
const say = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

// Reconnects quickly and forever, as a service would; commands wait in node-redis's offline queue meanwhile.
const redis = createClient({ url: config.redisUrl, socket: { connectTimeout: 1_000, reconnectStrategy: () => 100 } });
redis.on("error", () => {});
await redis.connect();

const meeting = createMeetingClient({
  baseUrl: config.baseUrl,
  tokenStore: redisTokenStore(redis, { prefix: "fleet-test:" }),
  logger: { debug: (line) => typeof line === "string" && line.includes("token store") && say({ log: line }) },
  // The machine running the tests may be busy: a slow answer is not what these tests are about.
  timeoutMs: 30_000,
});
meeting.api.use({
  async onRequest({ request }) {
    if (new URL(request.url).pathname.endsWith("/conferences/token")) {
      say({ tokenRequest: true });
      if (config.tokenDelayMs) await new Promise((resolve) => setTimeout(resolve, config.tokenDelayMs));
    }
  },
});
const conference = meeting.conference(config.conferenceID, { hostPassword: config.password });
say({ ready: true });

for await (const line of createInterface({ input: process.stdin })) {
  const { calls } = JSON.parse(line);
  const results = await Promise.allSettled(Array.from({ length: calls }, () => conference.realTimeInfo()));
  const failed = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
  say({ done: calls - failed.length, failed });
}
redis.destroy();
