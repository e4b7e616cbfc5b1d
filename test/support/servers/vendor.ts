// A stateful loopback stand-in for the vendor's meeting-control service: tokens that belong
// to one conference, expire, and can be renewed; 401 for a stale or foreign token.
// Its clock is Date.now(), so tests that fake Date move the server's time too.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface VendorOptions {
  /** Host password of every conference. */
  password?: string;
  /** Token lifetime in seconds, as sent in `confTokenExpireTime`. */
  lifetimeSeconds?: number;
}

interface Issued {
  conferenceID: string;
  expiresAt: number;
}

export interface TokenRequest {
  conferenceID: string;
  password: string | undefined;
  renewing: string | undefined;
}

export interface ControlRequest {
  method: string;
  path: string;
  conferenceID: string;
  token: string | undefined;
  status: number;
}

export interface Vendor {
  url: string;
  tokenRequests: TokenRequest[];
  controlRequests: ControlRequest[];
  /** Makes the next `count` token requests fail with this status. */
  failTokenRequests(count: number, status: number): void;
  /** Makes every control call answer 401, whatever the token. */
  rejectAllTokens(reject: boolean): void;
  /** Withdraws a token before its time, as the server does when a meeting's control is taken over. */
  revoke(token: string): void;
  close(): Promise<void>;
}

export async function startVendor(options: VendorOptions = {}): Promise<Vendor> {
  const password = options.password ?? "host-pass";
  const lifetime = (options.lifetimeSeconds ?? 1800) * 1000;
  const issued = new Map<string, Issued>();
  const tokenRequests: TokenRequest[] = [];
  const controlRequests: ControlRequest[] = [];
  let failing = { count: 0, status: 500 };
  let rejectAll = false;
  let serial = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "x-request-id": `req-${++serial}` });
    res.end(JSON.stringify(body));
  };
  const valid = (token: string | undefined, conferenceID: string) => {
    const entry = token === undefined ? undefined : issued.get(token);
    return entry !== undefined && entry.conferenceID === conferenceID && Date.now() < entry.expiresAt;
  };
  const issue = (res: ServerResponse, conferenceID: string) => {
    const token = `tok-${conferenceID}-${++serial}`;
    const expiresAt = Date.now() + lifetime;
    issued.set(token, { conferenceID, expiresAt });
    send(res, 200, {
      data: { token, expireTime: expiresAt, confTokenExpireTime: lifetime / 1000, role: 1 },
      addressToken: "address",
      gloablPublicIP: "192.0.2.1",
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://vendor.test");
    const conferenceID = url.searchParams.get("conferenceID") ?? "";
    const token = req.headers["x-conference-authorization"] as string | undefined;
    if (url.pathname === "/v1/mmc/control/conferences/token") {
      tokenRequests.push({ conferenceID, password: req.headers["x-password"] as string | undefined, renewing: token });
      if (failing.count > 0) {
        failing.count--;
        return send(res, failing.status, { error_code: failing.status === 400 ? "MMC.111070005" : "MMC.11070003", error_msg: "token request failed" });
      }
      if (req.headers["x-login-type"] !== "1") return send(res, 400, { error_code: "MMC.111070005", error_msg: "bad login type" });
      // A valid token is renewed without checking the password; otherwise the password decides.
      if (valid(token, conferenceID)) return issue(res, conferenceID);
      if (req.headers["x-password"] !== password) return send(res, 400, { error_code: "USG.201040000", error_msg: "wrong password" });
      return issue(res, conferenceID);
    }
    const ok = !rejectAll && valid(token, conferenceID);
    controlRequests.push({ method: req.method ?? "", path: url.pathname, conferenceID, token, status: ok ? 200 : 401 });
    if (!ok) return send(res, 401, { error_code: "MMC.118000001", error_msg: "USER_TOKEN_AUTH_FAILED" });
    if (url.pathname.endsWith("/realTimeInfo")) return send(res, 200, { participants: [{ pid: "p1", name: "Alice" }] });
    send(res, 200, {});
  };

  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokenRequests,
    controlRequests,
    failTokenRequests: (count, status) => {
      failing = { count, status };
    },
    rejectAllTokens: (reject) => {
      rejectAll = reject;
    },
    revoke: (token) => {
      issued.delete(token);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
