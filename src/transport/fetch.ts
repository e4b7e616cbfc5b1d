// The sender on a WHATWG `fetch`: the browser and universal entries' default, and any `fetch`
// a caller passes on any entry.
import { CallResponse } from "./call-response.js";
import { readCapped } from "./read-capped.js";
import { NoAnswer, tooLarge, type Fetch, type Sender } from "./sender.js";

/** The sender on a WHATWG `fetch`: any runtime, any `fetch` a caller passes. */
export function fetchSender(fetch: Fetch): Sender {
  return async (url, init) => {
    const controller = new AbortController();
    init.abort = () => controller.abort();
    const { method, headers, body, limit } = init;
    // A rejection of fetch's promise is the network's (a TypeError, in browsers, is all they tell).
    const response = await fetch(url, { method, headers, body, signal: controller.signal, redirect: "manual" }).catch((error: unknown) => {
      throw new NoAnswer(error);
    });
    init.status = response.status;
    // An opaque redirect has status 0, which no Response can be made with; nothing to read either.
    if (response.type === "opaqueredirect") return response;
    const length = response.headers.get("Content-Length");
    if (Number(length) > limit) {
      controller.abort();
      throw tooLarge(url, init);
    }
    // A null-body status (204, 304 …) has no body to read, and may be given none. A stated
    // length bounds the body, unless the body is decoded on the way (gzip …).
    // Any other body is read through the cap.
    let text = "";
    if (response.body && length !== null && !response.headers.has("Content-Encoding")) {
      text = await response.text();
    } else if (response.body) {
      text = await readCapped(response.body.getReader(), limit, () => {
        controller.abort();
        return tooLarge(url, init);
      });
    }
    // The body is in: a light answer holds it, rather than a second Response and its stream.
    return new CallResponse(response.status, response.headers, response.url || url, text, response.statusText) as unknown as Response;
  };
}
