// A scripted loopback stand-in for the meeting-control service with its event channel: the
// REST calls the channel needs (createConfToken, createWebSocketToken, inviteShare) and the
// WebSocket itself, built with `ws`. A test changes the meeting (join, update, leave, end)
// and the server pushes what changed to every subscribed connection, as the vendor does.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export const CHANNEL_PATH = "/cms/open/websocket/confctl/increment/conn";
export const PASSWORD = "test-host-password";
/** A control token the server accepts, for `{ token }` handles. */
export const FIXED_TOKEN = "test-control-token";

type Info = Record<string, string>;

export interface Connection {
  socket: WebSocket;
  url: URL;
  /** Every frame the client sent, parsed. */
  received: Record<string, unknown>[];
  /** The Subscribe `data`, parsed, once it came. */
  subscription?: { subscribeType: string[]; confToken: string; conferenceID?: string };
  /** The raw `data` of the Subscribe frame, as sent. */
  subscribeData?: unknown;
  subscribed: boolean;
  closed: Promise<{ code: number }>;
  /** Sends a frame: an object (as JSON) or any text. */
  push(frame: object | string): void;
}

export interface ChannelServer {
  url: string;
  wsUrl: string;
  conferenceID: string;
  controlTokens: string[];
  wsTokens: string[];
  connections: Connection[];
  invites: { participantID: string; share: number }[];
  /** Send `data` as a JSON string (true) or as JSON (false, the default). */
  stringData: boolean;
  echoHeartBeats: boolean;
  refuseSubscribe: boolean;
  refuseUpgrades: boolean;
  /** What the token answer gives as `wsURL`; default: this server's ws: address. */
  wsURL?: string;
  /** Called when a participant is invited to share. */
  onInvite?: (participantID: string, share: number) => void;
  participants: Map<string, Info>;
  join(pid: string, info: Info): void;
  update(pid: string, changes: Info): void;
  leave(pid: string): void;
  setMeeting(fields: Record<string, unknown>): void;
  end(): void;
  /** Resolves once `count` connections have subscribed. */
  subscribedConnections(count: number): Promise<Connection[]>;
  close(): Promise<void>;
}

export async function startChannelServer(conferenceID = "986947855"): Promise<ChannelServer> {
  const wss = new WebSocketServer({ noServer: true });
  let serial = 0;
  let version = 0;
  const meeting: Record<string, unknown> = { state: "Created", lock: 0, lockSharing: 0 };
  const waiters: (() => void)[] = [];

  const envelope = (action: string, msgMode: number) => ({
    action,
    version: ++version,
    createTime: Date.now(),
    msgID: `msg-${version}`,
    msgMode,
    confID: conferenceID,
  });
  const data = (value: unknown) => (server.stringData ? JSON.stringify(value) : value);
  const broadcast = (frame: object) => server.connections.filter((c) => c.subscribed && c.socket.readyState === 1).forEach((c) => c.push(frame));
  const fullParticipants = () => ({
    ...envelope("ParticipantsNotify", 0),
    data: data([...server.participants].map(([pid, pinfoMap]) => ({ pid, mode: 0, pinfoMap }))),
  });
  const fullMeeting = () => ({ ...envelope("ConfDynamicInfoNotify", 0), ...meeting });

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "x-request-id": `req-${++serial}` });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url!, "http://localhost");
    let body = "";
    for await (const chunk of req) body += chunk;
    if (url.searchParams.get("conferenceID") !== conferenceID) return send(res, 400, { error_code: "MMC.111070005", error_msg: "no such conference" });
    if (url.pathname === "/v1/mmc/control/conferences/token") {
      if (req.headers["x-password"] !== PASSWORD) return send(res, 401, { error_code: "USG.000000004", error_msg: "wrong password" });
      const token = `control-token-${++serial}`;
      server.controlTokens.push(token);
      return send(res, 200, { data: { token, wsURL: server.wsURL ?? server.wsUrl, confTokenExpireTime: 1800 } });
    }
    const authorization = req.headers["x-conference-authorization"] as string | undefined;
    if (!authorization || !server.controlTokens.includes(authorization)) return send(res, 401, { error_code: "MMC.111070001", error_msg: "bad token" });
    if (url.pathname === "/v1/mmc/control/conferences/wsToken") {
      const webSocketToken = `ws-token-${++serial}`;
      server.wsTokens.push(webSocketToken);
      return send(res, 200, { webSocketToken });
    }
    if (url.pathname === "/v1/mmc/control/conferences/participants/share/invite" && req.method === "PUT") {
      const participantID = url.searchParams.get("participantID")!;
      const { share } = JSON.parse(body) as { share: number };
      server.invites.push({ participantID, share });
      send(res, 200, {});
      server.onInvite?.(participantID, share);
      return;
    }
    send(res, 404, { error_code: "404" });
  };
  const http = createServer((req, res) => void handle(req, res));

  const used = new Set<string>();
  http.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url!, "http://localhost");
    const tmpToken = url.searchParams.get("tmpToken") ?? "";
    const valid = url.pathname === CHANNEL_PATH && url.searchParams.get("confID") === conferenceID && server.wsTokens.includes(tmpToken) && !used.has(tmpToken);
    used.add(tmpToken);
    if (!valid || server.refuseUpgrades) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, url));
  });

  const accept = (socket: WebSocket, url: URL) => {
    const connection: Connection = {
      socket,
      url,
      received: [],
      subscribed: false,
      closed: new Promise((resolve) => socket.on("close", (code) => resolve({ code }))),
      push: (frame) => socket.send(typeof frame === "string" ? frame : JSON.stringify(frame)),
    };
    server.connections.push(connection);
    socket.on("message", (raw) => {
      const frame = JSON.parse(String(raw)) as Record<string, unknown>;
      connection.received.push(frame);
      if (frame.action === "HeartBeat" && server.echoHeartBeats) return connection.push(frame);
      if (frame.action !== "Subscribe") return;
      connection.subscribeData = frame.data;
      connection.subscription = typeof frame.data === "string" ? JSON.parse(frame.data) : frame.data;
      const accepted = !server.refuseSubscribe && server.controlTokens.includes(connection.subscription!.confToken);
      connection.push({ action: "Subscribe", sequence: frame.sequence, data: data({ returnCode: accepted ? 0 : 401, "returnDesc ": accepted ? "SUCCESS" : "token refused" }) });
      if (!accepted) return socket.close(4001, "token refused");
      connection.subscribed = true;
      connection.push(fullParticipants());
      connection.push(fullMeeting());
      waiters.splice(0).forEach((wake) => wake());
    });
  };

  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  const server: ChannelServer = {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    conferenceID,
    controlTokens: [FIXED_TOKEN],
    wsTokens: [],
    connections: [],
    invites: [],
    stringData: false,
    echoHeartBeats: true,
    refuseSubscribe: false,
    refuseUpgrades: false,
    participants: new Map(),
    join(pid, info) {
      server.participants.set(pid, { ...info });
      broadcast({ ...envelope("ParticipantsNotify", 1), data: data([{ pid, mode: 0, pinfoMap: info }]) });
    },
    update(pid, changes) {
      server.participants.set(pid, { ...server.participants.get(pid), ...changes });
      broadcast({ ...envelope("ParticipantsNotify", 1), data: data([{ pid, mode: 0, pinfoMap: changes }]) });
    },
    leave(pid) {
      server.participants.delete(pid);
      broadcast({ ...envelope("ParticipantsNotify", 1), data: data([{ pid, mode: 1 }]) });
    },
    setMeeting(fields) {
      Object.assign(meeting, fields);
      broadcast({ ...envelope("ConfDynamicInfoNotify", 1), ...fields });
    },
    end() {
      meeting.state = "Destroyed";
      const open = server.connections.filter((c) => c.subscribed && c.socket.readyState === 1);
      for (const c of open) {
        c.push({ ...envelope("ConfDynamicInfoNotify", 1), state: "Destroyed" });
        c.socket.close(1000);
      }
    },
    async subscribedConnections(count) {
      while (server.connections.filter((c) => c.subscribed).length < count) await new Promise<void>((wake) => waiters.push(wake));
      return server.connections.filter((c) => c.subscribed);
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}
