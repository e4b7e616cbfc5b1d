// The benchmark's server, in a process of its own: keep-alive node:http on loopback, answering
// the seed's PUT with 200 and the token request with a token; it counts token requests.
import { createServer } from "node:http";

let tokenRequests = 0;
const server = createServer((req, res) => {
  const url = req.url ?? "";
  req.resume();
  req.on("end", () => {
    if (url.startsWith("/v1/mmc/control/conferences/token")) {
      tokenRequests++;
      const body = JSON.stringify({ data: { token: `bench-token-${tokenRequests}`, confTokenExpireTime: 1800 } });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-request-id": "bench" });
      return res.end(body);
    }
    if (url === "/stats") {
      const body = JSON.stringify({ tokenRequests });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      return res.end(body);
    }
    if (url === "/reset") tokenRequests = 0;
    res.writeHead(200, { "content-type": "application/json", "content-length": 2, "x-request-id": "bench" });
    res.end("{}");
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as { port: number }).port });
});
process.on("disconnect", () => process.exit(0));
