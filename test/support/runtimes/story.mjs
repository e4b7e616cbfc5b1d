// The smoke story every runtime runs on the installed package, against the stateful fake in
// server mode (`baseUrl`): the host-password token → participants → invite → the event channel
// shows the invited participant sharing (`waitUntilSharing`) → cancel. Plain JavaScript, so
// every runtime runs it as is.

/** How long the share may take to show on the channel (the fake accepts within a second). */
const SHARING_TIMEOUT_MS = 20_000;

/**
 * @param {typeof import("huaweicloud-meeting-control")} pkg the package as this runtime imported it
 * @param {{ baseUrl: string, conferenceID: string, hostPassword: string }} server
 * @param {string | undefined} webSocket which WebSocket the entry uses, or undefined when this
 *   runtime has none (the channel is then reported as not checked, never skipped silently)
 */
export async function story(pkg, server, webSocket) {
  const meeting = pkg.createMeetingClient({ baseUrl: server.baseUrl, maxRetries: 0 });
  const conf = meeting.conference(server.conferenceID, { hostPassword: server.hostPassword });
  const token = await conf.token();
  const { participants = [] } = await conf.realTimeInfo();
  const pid = participants[0]?.pid;
  if (!pid) throw new Error("the server listed no participant");
  await conf.inviteToShare(pid);
  // The fake accepts the invitation: the channel must show SHARE "1" before the cancel.
  const events = webSocket ? await sharing(conf, pid, webSocket) : "not checked: no WebSocket in this runtime";
  await conf.cancelShareInvitation(pid);
  return { token: typeof token === "string" && token.length > 0, participants: participants.length, invited: pid, events };
}

async function sharing(conf, pid, webSocket) {
  await conf.waitUntilSharing(pid, { timeoutMs: SHARING_TIMEOUT_MS });
  return `checked: waitUntilSharing saw the share, on ${webSocket}`;
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
