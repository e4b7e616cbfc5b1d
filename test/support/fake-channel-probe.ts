// A subscribed channel on the fake that keeps every push after the full state, as
// [kind, content] pairs without the envelope, so a test can assert exactly what a call pushed.
import { WebSocket as WsClient } from "ws";
import { delay, until, type Door } from "./fake-helpers.js";

const CHANNEL = "/cms/open/websocket/confctl/increment/conn";
const ENVELOPE = new Set(["action", "version", "createTime", "msgID", "msgMode", "confID"]);
export const EVERY_PUSH = ["ParticipantsNotify", "ConfDynamicInfoNotify", "WaitingListNotify", "InviteResultNotify"];

type Frame = Record<string, unknown> & { action: string; msgMode?: number; data?: unknown };
/** `["ParticipantsNotify", data]`, `["ConfDynamicInfoNotify", fields]`, … */
export type Push = [string, unknown];

const content = (frame: Frame): unknown =>
  frame.action === "ConfDynamicInfoNotify" ? Object.fromEntries(Object.entries(frame).filter(([key]) => !ENVELOPE.has(key))) : frame.data;

/** Subscribes to every push type the fake sends; resolves once the full state has arrived. */
export async function subscribe(door: Door, mode: string, conferenceID: string, token: string) {
  const wsToken = await door.fetch(`${door.baseUrl}/v1/mmc/control/conferences/wsToken?conferenceID=${conferenceID}`, { headers: { "X-Conference-Authorization": token } });
  const { webSocketToken } = (await wsToken.json()) as { webSocketToken: string };
  const wsURL = door.baseUrl.startsWith("https:") ? "wss://meeting-fake.invalid" : door.baseUrl.replace(/^http/, "ws");
  const Socket = (mode === "server" ? WsClient : door.fake.WebSocket) as unknown as new (url: string) => WebSocket;
  const socket = new Socket(`${wsURL}${CHANNEL}?confID=${conferenceID}&tmpToken=${webSocketToken}`);
  const frames: Frame[] = [];
  let open = false;
  let closed = false;
  socket.addEventListener("open", () => {
    open = true;
  });
  socket.addEventListener("close", () => {
    closed = true;
  });
  socket.addEventListener("message", (event) => frames.push(JSON.parse(String(event.data)) as Frame));
  await until(() => open);
  socket.send(JSON.stringify({ sequence: "0f1e2d3c4b5a69788796a5b4c3", action: "Subscribe", data: JSON.stringify({ subscribeType: EVERY_PUSH, confToken: token }) }));
  // The reply, then the full participants, meeting state and waiting room.
  await until(() => frames.length >= 4);
  const full = frames.splice(0, 4);
  return {
    full,
    /** Every push after the full state: exactly `n` of them (none more within 50 ms). */
    async pushes(n: number): Promise<Push[]> {
      await until(() => frames.length >= n);
      await delay(50);
      return frames.splice(0).map((frame) => [frame.action, content(frame)]);
    },
    get closed() {
      return closed;
    },
    close: () => socket.close(),
  };
}
