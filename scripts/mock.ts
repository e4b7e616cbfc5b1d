// npm run mock: Prism serving openapi.yaml on 127.0.0.1:$PRISM_PORT (default 4010) until stopped.
import { startPrism } from "./prism.js";

const port = Number(process.env.PRISM_PORT ?? 4010);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`PRISM_PORT must be a port number (1-65535), got ${JSON.stringify(process.env.PRISM_PORT)}`);
  process.exit(2);
}
const prism = await startPrism({ port, log: (line) => console.log(line) });
console.log(`Mock of openapi.yaml listening on ${prism.url} (Ctrl-C stops it)`);
const shutdown = () => void prism.stop().then(() => process.exit(0));
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
