/// <reference types="node" />
// meeting-control: invite, cancel and list participants from a shell. The bin is bin.ts.
// One command makes one or two calls: the global fetch (ready at once) serves it better than
// undici's pool, whose first load costs about 100 ms.
import { createRequire } from "node:module";
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  AuthenticationError,
  createMeetingClient,
  MeetingApiError,
  MeetingConnectionError,
  MeetingEndedError,
  MeetingInputError,
  regions,
  type Conference,
  type ConferenceAuth,
  type RealTimeInfo,
} from "../universal.js";
import { nearest } from "../call/input.js";
import { eventLine, NotSharing, waitForShare, watchOptions } from "./events.js";
import { operationCommands } from "./operations.js";

/** Exit codes, as documented in the README and in `--help`; no other is ever used. */
export const EXIT = { ok: 0, failure: 1, usage: 2, auth: 3, api: 4, network: 5, notSharing: 6 } as const;

/** The package's version: package.json is two folders up from both src/cli/ and dist/cli/. */
const VERSION: string = createRequire(import.meta.url)("../../package.json").version;

type Option = NonNullable<ParseArgsConfig["options"]>[string] & { describe: string; arg?: string };

const common: Record<string, Option> = {
  conference: { type: "string", arg: "ID", describe: "the meeting's conferenceID (required)" },
  "base-url": { type: "string", arg: "URL", describe: "where requests go (default: the region's host)" },
  region: { type: "string", arg: "NAME", describe: `${Object.keys(regions).join(" or ")} (default: cn-north-4)` },
  timeout: { type: "string", arg: "SECONDS", describe: "time allowed for each attempt (default: 10)" },
  retries: { type: "string", arg: "N", describe: "retries after a failed attempt, 0 to 10 (default: 2)" },
  "password-stdin": { type: "boolean", describe: "read the host password from standard input" },
  "token-stdin": { type: "boolean", describe: "read the meeting-control token from standard input" },
  verbose: { type: "boolean", describe: "show each attempt on stderr, secrets redacted" },
  help: { type: "boolean", short: "h", describe: "show this help" },
  version: { type: "boolean", describe: "print the version" },
};

interface Command {
  name: string;
  summary: string;
  options: Record<string, Option>;
  /** The command uses the event channel (a WebSocket). */
  events?: boolean;
  /** The command's names for the library's fields, where they are not the common ones. */
  names?: Record<string, string>;
  /** Resolves with what to print last; `out` prints as the command goes. */
  run(conf: Conference, values: Record<string, unknown>, out: (text: string) => void): Promise<string>;
}

const commands: Command[] = [
  {
    name: "participants",
    summary: "list the online participants of a meeting",
    options: { json: { type: "boolean", describe: "print them as JSON, for scripts" } },
    async run(conf, values) {
      const { participants = [] } = await conf.realTimeInfo();
      return values.json ? JSON.stringify(participants, null, 2) : table(participants);
    },
  },
  {
    name: "share invite",
    summary: "invite a participant to share their screen",
    options: {
      participant: { type: "string", arg: "PID", describe: "the participant's pid, from `participants` (required)" },
      wait: { type: "boolean", describe: "then wait until they share (exit 6 if they do not within --timeout, default 120 s)" },
      ...watchOptions,
    },
    events: true,
    async run(conf, values) {
      await conf.inviteToShare(required(values, "participant"));
      const invited = `Invited ${values.participant} to share their screen in conference ${conf.conferenceID}.`;
      if (!values.wait) return invited;
      await waitForShare(conf, values.participant as string, seconds(number(values, "timeout", (n) => n > 0, "a number of seconds above 0")));
      return `${invited}\n${values.participant} is sharing their screen.`;
    },
  },
  {
    name: "share cancel",
    summary: "cancel the invitation to share",
    options: { participant: { type: "string", arg: "PID", describe: "the participant's pid, from `participants` (required)" } },
    async run(conf, values) {
      await conf.cancelShareInvitation(required(values, "participant"));
      return `Cancelled the invitation of ${values.participant} to share in conference ${conf.conferenceID}.`;
    },
  },
  {
    name: "share lock",
    summary: "lock sharing: only the host may share",
    options: {},
    async run(conf) {
      await conf.lockSharing();
      return `Locked sharing in conference ${conf.conferenceID}: only the host may share.`;
    },
  },
  {
    name: "share unlock",
    summary: "unlock sharing: participants may share again",
    options: {},
    async run(conf) {
      await conf.unlockSharing();
      return `Unlocked sharing in conference ${conf.conferenceID}: participants may share.`;
    },
  },
  {
    name: "watch",
    summary: "print the meeting's events as they come (joins, leaves, shares, state), until it ends",
    options: { json: { type: "boolean", describe: "one JSON object per line, for scripts" }, ...watchOptions },
    events: true,
    async run(conf, values, out) {
      try {
        for await (const event of conf.events()) out(values.json ? JSON.stringify(event) : eventLine(event));
      } catch (error) {
        if (!(error instanceof MeetingEndedError)) throw error;
      }
      return values.json ? "" : `Conference ${conf.conferenceID} has ended.`;
    },
  },
  {
    name: "token",
    summary: "print a fresh meeting-control token, for scripts that drive the WebSocket",
    options: {},
    run: (conf) => conf.token(),
  },
];

const CREDENTIALS = `Credentials come from the environment or standard input, never from the command line:
  MEETING_HOST_PASSWORD   the host password: the client obtains the meeting-control token
  MEETING_CONTROL_TOKEN   a meeting-control token, sent as it is
  --password-stdin / --token-stdin read one of them from standard input instead.`;

const EXIT_CODES = `Exit codes: 0 success, 1 unexpected failure (a bug: please report it), 2 usage error,
3 authentication failed, 4 other API error, 5 network failure or timeout, 6 the participant did not
share (share invite --wait).`;

function mainHelp(): string {
  const width = Math.max(...everyCommand.map((c) => c.name.length));
  return [
    "Usage: meeting-control <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Operations (one per method of the library, from the spec):",
    ...operationCommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    CREDENTIALS,
    "",
    EXIT_CODES,
    "",
    "Run 'meeting-control <command> --help' for the options of a command; --version prints the version.",
  ].join("\n");
}

function commandHelp(command: Command): string {
  const options = { ...command.options, ...common };
  const flags = Object.entries(options).map(([name, o]) => [`${o.short ? `-${o.short}, ` : "    "}--${name}${o.arg ? ` ${o.arg}` : ""}`, o.describe] as const);
  const width = Math.max(...flags.map(([flag]) => flag.length));
  return [
    `Usage: meeting-control ${command.name} --conference ID${"participant" in command.options ? " --participant PID" : ""}${requiredFlags(command)} [options]`,
    "",
    `${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.`,
    "",
    "Options:",
    ...flags.map(([flag, describe]) => `  ${flag.padEnd(width)}  ${describe}`),
    "",
    CREDENTIALS,
    "",
    EXIT_CODES,
  ].join("\n");
}

/** The required flags of a command besides --conference and --participant, for its usage line. */
function requiredFlags(command: Command): string {
  return Object.entries(command.options)
    .filter(([name, option]) => name !== "participant" && / \(required\)$/.test(option.describe))
    .map(([name, option]) => ` --${name} ${option.arg ?? ""}`.trimEnd())
    .join("");
}

/** The hand-written commands, then one per method of the library. */
const everyCommand: Command[] = [...commands, ...operationCommands];

/** A mistake on the command line: reported in one line, with where to read the usage. */
class UsageError extends Error {}

/**
 * The command line's names for the library's fields, so that a message names what the user
 * typed or set. `secret` is where the credential came from (an environment variable or a flag).
 */
function cliName(field: string, secret: string, extra: Record<string, string> = {}): string {
  // A command's own names first: the longest that `field` starts with (`input.a` for `input.a[0]`).
  const own = Object.entries(extra)
    .filter(([name]) => field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`))
    .sort(([a], [b]) => b.length - a.length)[0];
  if (own !== undefined) return own[1] + field.slice(own[0].length);
  const names: Record<string, string> = {
    baseUrl: "--base-url",
    region: "--region",
    timeoutMs: "--timeout",
    maxRetries: "--retries",
    conferenceID: "--conference",
    participantID: "--participant",
  };
  return names[field] ?? (/^auth\.(token|hostPassword)/.test(field) ? secret : field);
}

/** The rule as the command line states it: no library option names in it. */
const cliRule = (rule: string) => rule.replace(" (http: only to loopback, or with allowInsecureHttp)", " (http: only to a loopback host)");

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string") throw new MeetingInputError(`--${name}`, "is required");
  return value;
}

function number(values: Record<string, unknown>, name: string, valid: (n: number) => boolean, rule: string): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text === "" || !valid(value)) throw new MeetingInputError(`--${name}`, `must be ${rule}, got ${JSON.stringify(text)}`);
  return value;
}

const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);

const STATE = ["in the meeting", "being called", "joining"];

function table(participants: NonNullable<RealTimeInfo["participants"]>): string {
  if (participants.length === 0) return "No participant is online.";
  const header = ["PID", "NAME", "STATE", "MICROPHONE", "MEDIA"];
  const rows = [
    header,
    ...participants.map((p) => [
      p.pid ?? "",
      p.name ?? "",
      p.state === undefined ? "" : (STATE[p.state] ?? String(p.state)),
      p.mute === undefined ? "" : p.mute === 1 ? "muted" : "on",
      p.video === undefined ? "" : p.video === 1 ? "video" : "audio",
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stdin) text += chunk;
  return text.replace(/\r?\n$/, "");
}

/** Runs the command line; resolves with the exit code. Separate from `process` so tests can drive it too. */
export async function main(
  args: string[],
  io: { env: NodeJS.ProcessEnv; stdin: NodeJS.ReadableStream; out: (text: string) => void; err: (text: string) => void },
): Promise<number> {
  let usage = "meeting-control --help";
  let secret = "the credential";
  let names: Record<string, string> | undefined;
  try {
    const words = args.filter((a) => !a.startsWith("-"));
    const command = everyCommand.find((c) => c.name === words.slice(0, c.name.split(" ").length).join(" "));
    if (!command) {
      if (args.length === 0 || args.includes("--help") || args.includes("-h")) {
        io[args.length === 0 ? "err" : "out"](mainHelp());
        return args.length === 0 ? EXIT.usage : EXIT.ok;
      }
      if (args.length === 1 && args[0] === "--version") {
        io.out(VERSION);
        return EXIT.ok;
      }
      // As many words as a command has that starts with the first one ("share …").
      const typed = words.slice(0, commands.some((c) => c.name.startsWith(`${words[0]} `)) ? 2 : 1).join(" ") || (args[0] ?? "");
      const near = nearest(
        typed,
        everyCommand.map((c) => c.name),
      );
      throw new UsageError(`unknown command: ${typed}${near ? ` — did you mean ${near}?` : ""}`);
    }
    usage = `meeting-control ${command.name} --help`;
    names = command.names;
    const options = { ...command.options, ...common };
    const { values, positionals } = parse(args, options);
    if (values.help) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    if (values.version) {
      io.out(VERSION);
      return EXIT.ok;
    }
    if (positionals.length > command.name.split(" ").length) throw new UsageError(`unexpected argument: ${positionals.at(-1)}`);

    const meeting = createMeetingClient({
      baseUrl: values["base-url"] as string | undefined,
      region: values.region as never,
      timeoutMs: seconds(number(values, "timeout", (n) => n > 0 && n <= 2_000_000, "a number of seconds above 0")),
      maxRetries: number(values, "retries", (n) => Number.isInteger(n) && n >= 0 && n <= 10, "a whole number from 0 to 10"),
      logger: values.verbose ? { debug: (line: string, meta: unknown) => io.err(`${line} ${JSON.stringify(meta)}`) } : undefined,
      ...(command.events && { wsUrl: values["ws-url"] as string | undefined, WebSocket: globalThis.WebSocket ?? (await import("undici")).WebSocket }),
    });
    const [auth, source] = await credentials(values, io);
    secret = source;
    const conf = meeting.conference(required(values, "conference"), auth);
    const last = await command.run(conf, values, io.out);
    if (last) io.out(last);
    return EXIT.ok;
  } catch (error) {
    return fail(error, usage, secret, io.err, names);
  }
}

/** parseArgs, its errors restated in one short line (with the flag meant, where one is close). */
function parse(args: string[], options: Record<string, Option>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const near = nearest(flag.replace(/^-+/, ""), Object.keys(options));
      throw new UsageError(`unknown option ${flag}${near ? ` — did you mean --${near}?` : ""}`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`${flag} ${/argument missing/.test(message) ? "needs a value" : "takes no value"}`);
    throw new UsageError(message);
  }
}

/** The auth, and the name of where it came from, for messages. */
async function credentials(values: Record<string, unknown>, io: { env: NodeJS.ProcessEnv; stdin: NodeJS.ReadableStream }): Promise<[ConferenceAuth, string]> {
  const password = io.env.MEETING_HOST_PASSWORD;
  const token = io.env.MEETING_CONTROL_TOKEN;
  const sources = [values["password-stdin"], values["token-stdin"], password !== undefined, token !== undefined].filter(Boolean).length;
  if (sources === 0) {
    throw new MeetingInputError("credentials", "are missing: set MEETING_HOST_PASSWORD or MEETING_CONTROL_TOKEN, or use --password-stdin or --token-stdin");
  }
  if (sources > 1) {
    throw new MeetingInputError("credentials", "must come from one source: MEETING_HOST_PASSWORD, MEETING_CONTROL_TOKEN, --password-stdin or --token-stdin");
  }
  if (values["password-stdin"]) return [{ hostPassword: await readStdin(io.stdin) }, "the host password from --password-stdin"];
  if (values["token-stdin"]) return [{ token: await readStdin(io.stdin) }, "the token from --token-stdin"];
  if (password !== undefined) return [{ hostPassword: password }, "MEETING_HOST_PASSWORD"];
  return [{ token: token ?? "" }, "MEETING_CONTROL_TOKEN"];
}

/** Prints what went wrong, without a stack trace, and picks the exit code. */
function fail(error: unknown, usage: string, secret: string, err: (text: string) => void, names?: Record<string, string>): number {
  if (error instanceof NotSharing) {
    err(`meeting-control: ${error.message}`);
    return EXIT.notSharing;
  }
  if (error instanceof UsageError || error instanceof MeetingInputError) {
    const message = error instanceof MeetingInputError ? restate(error, secret, names) : error.message;
    err(`meeting-control: ${message}\nRun '${usage}' for usage.`);
    return EXIT.usage;
  }
  if (error instanceof MeetingApiError) {
    const lines = [`meeting-control: ${error.message}`, `  errorCode: ${error.errorCode}`];
    if (error.errorMsg) lines.push(`  errorMsg:  ${error.errorMsg}`);
    if (error.requestId) lines.push(`  requestId: ${error.requestId}`);
    err(lines.join("\n"));
    return error instanceof AuthenticationError ? EXIT.auth : EXIT.api;
  }
  if (error instanceof MeetingConnectionError) {
    err(`meeting-control: ${error.message}`);
    return EXIT.network;
  }
  err(`meeting-control: unexpected failure (a bug: please report it): ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.failure;
}

/** A library's input error in the command line's terms: its flag or environment variable, not its option name. */
function restate(error: MeetingInputError, secret: string, names?: Record<string, string>): string {
  const { field, message } = error;
  if (!message.startsWith(`${field} `)) return message.replace(field, cliName(field, secret, names));
  return `${cliName(field, secret, names)} ${cliRule(message.slice(field.length + 1))}`;
}
