// The shape of the CLI's command table: written here once, for the generator that fills
// src/generated/commands.ts from openapi.yaml and for the CLI that reads it.

/** One flag: `--flag` sets `field` (`list`: comma-separated or repeated; `json`: a JSON value). */
export interface CommandFlag {
  flag: string;
  field: string;
  type: string;
  required?: true;
  list?: true;
  json?: true;
  describe: string;
}

/** One command per facade method: its name, the method it calls, its summary, its flags. */
export interface GeneratedCommand {
  command: string;
  method: string;
  operationId: string;
  summary: string;
  argument?: string;
  /** The input's name in errors, where it is not `input`. */
  input?: string;
  answer?: true;
  flags: CommandFlag[];
}
