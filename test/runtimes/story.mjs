// The smoke story every runtime runs on the installed package: the host-password token →
// participants → invite → cancel, against whatever server `baseUrl` names (the Prism mock
// today; the stateful fake once it lands). Plain JavaScript, so every runtime runs it as is.

/**
 * @param {typeof import("huaweicloud-meeting-control")} pkg the package as this runtime imported it
 * @param {{ baseUrl: string, conferenceID: string, hostPassword: string, events: boolean }} server
 * @param {boolean} webSocket whether this runtime and entry can open a WebSocket
 */
export async function story(pkg, server, webSocket) {
  const meeting = pkg.createMeetingClient({ baseUrl: server.baseUrl, maxRetries: 0 });
  const conf = meeting.conference(server.conferenceID, { hostPassword: server.hostPassword });
  const token = await conf.token();
  const { participants = [] } = await conf.realTimeInfo();
  const pid = participants[0]?.pid;
  if (!pid) throw new Error("the server listed no participant");
  await conf.inviteToShare(pid);
  await conf.cancelShareInvitation(pid);
  return { token: typeof token === "string" && token.length > 0, participants: participants.length, invited: pid, events: await events(conf, server, webSocket) };
}

// THE EVENT CHANNEL HOOK (issue 16's `conf.events()`, against issue 15's fake in `listen()`
// mode, which the runner announces with `events: true`): the first event, then leaving the loop,
// which closes the channel. The Node entry brings undici's WebSocket; the others need a global one.
async function events(conf, server, webSocket) {
  if (!server.events) return "not checked: the server has no event channel";
  if (!webSocket) return "not checked: no WebSocket in this runtime";
  if (typeof conf.events !== "function") throw new Error("the server has an event channel but conf.events() is missing");
  for await (const event of conf.events({ signal: AbortSignal.timeout(10_000) })) return `first event ${event.type}`;
  throw new Error("the event channel ended without an event");
}

/** Whether this context refuses to generate code from strings (eval, new Function). */
export function codegen() {
  try {
    new Function("return 1")();
    return "allowed";
  } catch {
    return "forbidden";
  }
}
