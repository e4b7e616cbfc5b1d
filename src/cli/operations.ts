/// <reference types="node" />
// The commands of every facade method, built from the generated command table: names from the
// method (kebab-case), help from the spec's summaries, one flag per input field (kebab-case of
// the field). The facade checks the values; the flags only turn text into numbers, lists or JSON.
import type { Conference } from "../conference.js";
import { MeetingInputError } from "../errors.js";
import { commands as table, type CommandFlag, type GeneratedCommand } from "../generated/commands.js";

type Option = { type: "string" | "boolean"; multiple?: boolean; short?: string; describe: string; arg?: string };

/** A command as main.ts runs it. */
export interface OperationCommand {
  name: string;
  summary: string;
  options: Record<string, Option>;
  /** The command's names for the library's fields, so that an error names the flag. */
  names: Record<string, string>;
  run(conf: Conference, values: Record<string, unknown>, out: (text: string) => void): Promise<string>;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const PARTICIPANT: Option = { type: "string", arg: "PID", describe: "the participant's pid, from `participants` (required)" };

/** What a flag's value looks like in the help. */
function argOf(flag: CommandFlag): string {
  if (flag.json) return "JSON";
  const one = flag.type === "integer" || flag.type === "number" ? "N" : flag.type === "boolean" ? "true|false" : "TEXT";
  return flag.list ? `${one}[,${one}…]` : one;
}

/** One flag's text as the field's value: a number, a boolean, a list (comma-separated or repeated) or JSON. */
function flagValue(flag: CommandFlag, given: string | string[]): unknown {
  const name = `--${flag.flag}`;
  if (flag.json) {
    try {
      return JSON.parse(given as string);
    } catch {
      throw new MeetingInputError(name, "must be JSON");
    }
  }
  const scalar = (text: string) => {
    if (flag.type === "integer" || flag.type === "number") {
      const number = Number(text);
      if (text.trim() === "" || !Number.isFinite(number)) throw new MeetingInputError(name, `must be a number, got ${JSON.stringify(text)}`);
      return number;
    }
    if (flag.type === "boolean") {
      if (text !== "true" && text !== "false") throw new MeetingInputError(name, `must be true or false, got ${JSON.stringify(text)}`);
      return text === "true";
    }
    return text;
  };
  if (flag.list)
    return ([] as string[])
      .concat(given)
      .flatMap((text) => text.split(","))
      .map(scalar);
  return scalar(given as string);
}

function command(entry: GeneratedCommand): OperationCommand {
  const [handle, method] = entry.method.split(".") as ["participant" | "conference", string];
  const options: Record<string, Option> = {};
  if (handle === "participant") options.participant = PARTICIPANT;
  const takesJson = entry.flags.some((flag) => flag.json);
  const inputName = entry.argument ?? entry.input ?? "input";
  const names: Record<string, string> = { participantID: "--participant", [inputName]: takesJson ? "--input" : "the flags" };
  for (const flag of entry.flags) {
    const describe = `${flag.describe.replace(/\.$/, "")}${flag.required ? " (required)" : ""}`;
    options[flag.flag] = { type: "string", ...(flag.list && { multiple: true }), arg: argOf(flag), describe: lowerFirst(describe) };
    names[entry.argument ? flag.field : `${inputName}.${flag.field}`] = `--${flag.flag}`;
  }
  if (takesJson && !entry.argument) options.input = { type: "string", arg: "JSON", describe: "the input as one JSON object; flags given too win" };
  return {
    name: entry.command,
    summary: lowerFirst(entry.summary).replace(/\.$/, ""),
    options,
    names,
    async run(conf, values) {
      let input: Record<string, unknown> = {};
      if (typeof values.input === "string") {
        const parsed = flagValue({ flag: "input", field: "", type: "object", json: true, describe: "" }, values.input);
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new MeetingInputError("--input", "must be a JSON object");
        input = parsed as Record<string, unknown>;
      }
      for (const flag of entry.flags) {
        const given = values[flag.flag] as string | string[] | undefined;
        if (given !== undefined) input[flag.field] = flagValue(flag, given);
        else if (flag.required && !(flag.field in input)) throw new MeetingInputError(`--${flag.flag}`, "is required");
      }
      let target = conf as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      if (handle === "participant") {
        if (typeof values.participant !== "string") throw new MeetingInputError("--participant", "is required");
        target = conf.participant(values.participant) as unknown as typeof target;
      }
      const args = entry.argument ? [input[entry.argument]] : Object.keys(input).length || entry.flags.length ? [input] : [];
      const run = target[method];
      if (typeof run !== "function") throw new Error(`the client has no ${entry.method}: the command table and the client are out of step`);
      const result = await run(...args);
      if (entry.answer) return JSON.stringify(result, null, 2);
      const who = handle === "participant" ? `, participant ${values.participant}` : "";
      return `Done: ${entry.summary.replace(/\.$/, "")} (conference ${conf.conferenceID}${who}).`;
    },
  };
}

/** Every facade method's command, in the spec's order. */
export const operationCommands: OperationCommand[] = table.map(command);
