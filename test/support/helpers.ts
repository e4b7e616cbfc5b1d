import { expect, inject } from "vitest";
import { createMeetingClient, type MeetingClientOptions } from "../../src/node.js";

export const conferenceID = "986947855";
export const participantID = "4a5rg64ag5p8pvvnam1rr6m8lqra6a61";

/** Prism's answers, with whether Prism found the request invalid (`sl-violations`). */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  violations: string | null;
}

/**
 * A client on the Prism mock that records every exchange. `prefer` is sent as Prism's
 * `Prefer` header (for example `code=403`) to choose the mock's answer.
 */
export function prismClient(create: typeof createMeetingClient = createMeetingClient, options: MeetingClientOptions & { prefer?: string } = {}) {
  const { prefer, ...rest } = options;
  const meeting = create({ baseUrl: inject("prismUrl"), ...rest });
  const exchanges: Exchange[] = [];
  meeting.api.use({
    onRequest({ request }) {
      if (prefer) request.headers.set("Prefer", prefer);
      return request;
    },
    onResponse({ request, response }) {
      exchanges.push({
        method: request.method,
        url: request.url,
        status: response.status,
        violations: response.headers.get("sl-violations"),
      });
    },
  });
  return { meeting, exchanges };
}

/** A check's `MeetingInputError` as its field and message, or `undefined` when nothing was thrown. */
export function thrown(run: () => unknown): { field?: string; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toMatchObject({ name: "MeetingInputError" });
    return { field: (error as { field?: string }).field, message: (error as Error).message };
  }
}
