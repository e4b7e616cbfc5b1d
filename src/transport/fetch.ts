// The sender on a WHATWG `fetch`: the browser and universal entries' default, and any `fetch`
// a caller passes on any entry.
import { CallResponse } from "./call-response.js";
import { readCapped } from "./read-capped.js";
import { NoAnswer, tooLarge, type Fetch, type Sender } from "./sender.js";

/** What a rejection of fetch's promise is: the network's. */
function noAnswer(error: unknown): never {
  throw new NoAnswer(error);
}

/** The sender on a WHATWG `fetch`: any runtime, any `fetch` a caller passes. */
export function fetchSender(fetch: Fetch): Sender {
  return async (url, init) => {
    const controller = new AbortController();
    init.abort = () => controller.abort();
    const { method, headers, body, limit } = init;
    // A rejection of fetch's promise is the network's (a TypeError, in browsers, is all they tell).
    // A `fetch` that throws rather than rejects fails in its own code: that ends the call.
    const response = await fetch(url, { method, headers, body, signal: controller.signal, redirect: "manual" }).catch(noAnswer);
    const { status, headers: answerHeaders } = response;
    init.status = status;
    // An opaque redirect has status 0, which no Response can be made with; nothing to read either.
    if (status === 0 && response.type === "opaqueredirect") return response;
    const length = answerHeaders.get("Content-Length");
    if (Number(length) > limit) {
      controller.abort();
      throw tooLarge(url, init);
    }
    // A stated length bounds the body, unless the body is decoded on the way (gzip …): read
    // whole (a null-body status, 204, 304 …, reads as ""). Any other body is read through the cap.
    // `response.body` is touched only for that: in Bun and Deno its getter makes a ReadableStream
    // the first time, work for nothing on the common path (Bun's CPU profile shows it).
    let text = "";
    if (length !== null && !answerHeaders.has("Content-Encoding")) {
      text = await response.text();
    } else if (response.body) {
      text = await readCapped(response.body.getReader(), limit, () => {
        controller.abort();
        return tooLarge(url, init);
      });
    }
    // The body is in: a light answer holds it, rather than a second Response and its stream. Its
    // URL is the request's, since no redirect is followed (Deno parses a URL to read `response.url`).
    return new CallResponse(status, answerHeaders, url, text, response.statusText) as unknown as Response;
  };
}
