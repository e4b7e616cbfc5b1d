// The typed openapi-fetch client, made here for every entry: the facade and the token
// lifecycle call the API through it, and callers reach it as `meeting.api`.
import createClient, { createQuerySerializer, type Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { CallRequest } from "./transport/call-request.js";
import type { Transport } from "./transport/retrying.js";

/** The typed openapi-fetch client of the meeting-control API. */
export type Api = Client<paths, "application/json">;

/** The client on `baseUrl`, sending through `transport`. */
export function createApi(baseUrl: string, transport: Transport): Api {
  return createClient<paths>({
    baseUrl,
    fetch: (request: Request) => transport(request),
    // Every entry: the transport sends the parts as given, so no WHATWG Request need be built.
    Request: CallRequest as unknown as typeof Request,
    // openapi-fetch's own serialiser, made once: given options, it would make one per call.
    querySerializer: createQuerySerializer(),
    // Every body in the spec is JSON: serialised as such, without openapi-fetch's look at each
    // call's headers for a form type.
    bodySerializer: (body: unknown) => JSON.stringify(body),
  });
}
