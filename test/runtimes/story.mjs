// The smoke story every runtime runs on the installed package: the host-password token →
// participants → invite → cancel, against whatever server `baseUrl` names (the Prism mock
// today; the stateful fake once it lands). Plain JavaScript, so every runtime runs it as is.

/**
 * @param {typeof import("huaweicloud-meeting-control")} pkg the package as this runtime imported it
 * @param {{ baseUrl: string, conferenceID: string, hostPassword: string, events: boolean }} server
 */
export async function story(pkg, server) {
  const meeting = pkg.createMeetingClient({ baseUrl: server.baseUrl, maxRetries: 0 });
  const conf = meeting.conference(server.conferenceID, { hostPassword: server.hostPassword });
  const token = await conf.token();
  const { participants = [] } = await conf.realTimeInfo();
  const pid = participants[0]?.pid;
  if (!pid) throw new Error("the server listed no participant");
  await conf.inviteToShare(pid);
  await conf.cancelShareInvitation(pid);
  return { token: typeof token === "string" && token.length > 0, participants: participants.length, invited: pid, events: await events(conf, server) };
}

// THE EVENT CHANNEL HOOK. When `conf.events()` and a server with a WebSocket channel (the
// stateful fake) are merged, the runner passes `events: true` and this checks the channel on
// every runtime that has WebSocket. Until then it says plainly why it was not checked.
async function events(conf, server) {
  if (!server.events) return "not checked: the server has no event channel";
  if (typeof WebSocket !== "function") return "not checked: no WebSocket in this runtime";
  if (typeof conf.events !== "function") throw new Error("the server has an event channel but conf.events() is missing");
  // TODO(events): read the first roster event from conf.events() within a few seconds, then
  // break out of the iterator and check that the socket closed.
  throw new Error("the event channel check is not written yet");
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
