// The event channel's description is valid by the AsyncAPI project's own parser, and
// describes the flow the client follows.
import { readFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const source = new URL("../../asyncapi.yaml", import.meta.url).pathname;
const text = readFileSync(source, "utf8");

describe("asyncapi.yaml", () => {
  it("parses with no error and no warning", async () => {
    const { document, diagnostics } = await new Parser().parse(text, { source });
    expect(diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.path.join(".")}: ${d.message}`)).toEqual([]);
    expect(document?.version()).toBe("3.0.0");
  });

  it("describes the connect address, the requests and the pushes the client handles", async () => {
    const { document } = await new Parser().parse(text, { source });
    const channel = document!.channels().get("confctl")!;
    expect(channel.address()).toBe("/cms/open/websocket/confctl/increment/conn");
    const spec = parse(text);
    expect(Object.keys(spec.channels.confctl.bindings.ws.query.properties)).toEqual(["confID", "tmpToken"]);
    expect(
      document!
        .operations()
        .all()
        .map((operation) => operation.id()),
    ).toEqual(["subscribe", "heartBeat", "receivePushes"]);
    const pushes = document!
      .operations()
      .get("receivePushes")!
      .messages()
      .all()
      .map((message) => message.name());
    expect(pushes).toEqual(["ParticipantsNotify", "ConfDynamicInfoNotify", "ConfBasicInfoNotify", "SpeakerChangeNotify", "InviteResultNotify", "WaitingListNotify"]);
  });

  it("lists every documented pinfoMap key, SHARE among them", () => {
    const keys = Object.keys(parse(text).components.schemas.ParticipantInfoMap.properties);
    expect(keys).toEqual(["NAME", "TEL", "ROLE", "STATE", "HAND", "BROADCAST", "ROLLCALL", "SHARE", "ADDTIME", "MUTE", "VIDEO"]);
  });
});
