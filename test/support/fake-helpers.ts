// The two ways to reach the fake, so each behaviour is proven in both: in-process through
// `fake.fetch`, and over loopback through `fake.listen()`.
import { createMeetingClient, type MeetingClient } from "../../src/node.js";
import { createMeetingFake, type MeetingFake, type MeetingFakeOptions } from "../../src/testing/index.js";

export const HOST_PASSWORD = "FAKE-host-password-not-real";

export interface Door {
  fake: MeetingFake;
  baseUrl: string;
  /** Sends a raw request to the fake. */
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** A client on the fake. */
  client: MeetingClient;
  close(): Promise<void>;
}

export const modes = {
  fetch: async (options?: MeetingFakeOptions): Promise<Door> => {
    const fake = createMeetingFake(options);
    const client = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, maxRetries: 0 });
    return { fake, baseUrl: fake.baseUrl, fetch: fake.fetch, client, close: async () => {} };
  },
  server: async (options?: MeetingFakeOptions): Promise<Door> => {
    const fake = createMeetingFake(options);
    const server = await fake.listen();
    const client = createMeetingClient({ baseUrl: server.url, maxRetries: 0 });
    return { fake, baseUrl: server.url, fetch: (input, init) => fetch(input, init), client, close: () => server.close() };
  },
};

export const PATHS = {
  token: "/v1/mmc/control/conferences/token",
  realTimeInfo: "/v1/mmc/control/conferences/realTimeInfo",
  invite: "/v1/mmc/control/conferences/participants/share/invite",
  settings: "/v1/mmc/control/conferences/updateStartedConfConfig",
  wsToken: "/v1/mmc/control/conferences/wsToken",
} as const;

/** A raw token request with the host password; resolves with the status and body. */
export async function requestToken(door: Door, conferenceID: string, password = HOST_PASSWORD, current?: string) {
  const headers: Record<string, string> = { "X-Password": password, "X-Login-Type": "1" };
  if (current) headers["X-Conference-Authorization"] = current;
  const response = await door.fetch(`${door.baseUrl}${PATHS.token}?conferenceID=${conferenceID}`, { headers });
  return { response, body: (await response.json()) as { data: { token: string; expireTime: number; confTokenExpireTime: number; wsURL: string } } & { error_code?: string } };
}

/** A raw control call with `token`. */
export async function control(door: Door, path: string, query: Record<string, string>, token: string | undefined, init: { method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers["X-Conference-Authorization"] = token;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await door.fetch(`${door.baseUrl}${path}?${new URLSearchParams(query)}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { response, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, up to `ms`. */
export async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await delay(5);
  }
}
