// The benchmark's server, in a process of its own: keep-alive node:http on loopback. It checks
// every request exactly — method, path, query, token, body — and counts the good and the bad,
// so that a contender sending the wrong thing (or nothing) fails the bench instead of winning it.
import { createServer } from "node:http";
import { BODY, HOST_PASSWORD, INVITE_URL, STATIC_TOKEN, TOKEN_URL } from "./wire.js";

const issued = new Set([STATIC_TOKEN]);
const stats = { valid: 0, invalid: 0, tokenRequests: 0, reasons: [] as string[] };

function reject(reason: string): void {
  stats.invalid++;
  if (stats.reasons.length < 5) stats.reasons.push(reason);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const url = req.url ?? "";
    const answer = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-request-id": "bench" });
      res.end(body);
    };
    if (url === "/stats") return answer(200, JSON.stringify(stats));
    if (url === TOKEN_URL) {
      if (req.method !== "GET" || req.headers["x-password"] !== HOST_PASSWORD || req.headers["x-login-type"] !== "1") {
        reject(`token request: ${req.method} with wrong password or login type`);
        return answer(400, '{"error_code":"BENCH.1","error_msg":"bad token request"}');
      }
      const token = `bench-token-${++stats.tokenRequests}`;
      issued.add(token);
      return answer(200, JSON.stringify({ data: { token, confTokenExpireTime: 1800 } }));
    }
    const body = Buffer.concat(chunks).toString();
    const token = req.headers["x-conference-authorization"];
    if (req.method !== "PUT") reject(`method ${req.method}`);
    else if (url !== INVITE_URL) reject(`url ${url}`);
    else if (typeof token !== "string" || !issued.has(token)) reject("token not one the server issued");
    else if (!String(req.headers["content-type"]).startsWith("application/json")) reject(`content-type ${req.headers["content-type"]}`);
    else if (body !== BODY) reject(`body ${body.slice(0, 40)}`);
    else {
      stats.valid++;
      return answer(200, "{}");
    }
    answer(400, '{"error_code":"BENCH.2","error_msg":"bad request"}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as { port: number }).port });
});
process.on("disconnect", () => process.exit(0));
