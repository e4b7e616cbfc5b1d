// A call's options, bound to the transport: the `fetch` openapi-fetch sends this one call with.
import { checkCallOptions, type CallOptions } from "../options.js";
import type { Policy, Transport } from "../transport/retrying.js";

/** What a call is sent with: its `signal` and policy (for the token phase too), its `fetch`, its extra headers. */
export interface CallInit {
  signal?: AbortSignal;
  policy?: Policy;
  fetch?: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
}

/** A call with the client's defaults: nothing of its own. */
const DEFAULTS: CallInit = Object.freeze({});

/**
 * One call's `signal` and policy (for the token phase), its extra `headers`, and the `fetch`
 * openapi-fetch is to send it with: the transport bound to the call's policy and signal,
 * adding the call's headers. The signal is not put on the Request, so that no Request ever
 * holds a listener on the caller's signal. Empty when the call has the client's defaults.
 */
export function callInit(transport: Transport, options: CallOptions | undefined): CallInit {
  const checked = checkCallOptions(options, transport.defaults);
  if (checked === undefined) return DEFAULTS;
  const { signal, policy, headers } = checked;
  if (policy === transport.defaults && !signal && !headers) return DEFAULTS;
  const extra = Object.entries(headers ?? {});
  return {
    signal,
    policy,
    headers,
    // The call's headers go on here, so that every method that sends with this fetch has them.
    fetch: (request) => {
      for (const [name, value] of extra) request.headers.set(name, value);
      return transport(request, policy, signal);
    },
  };
}
