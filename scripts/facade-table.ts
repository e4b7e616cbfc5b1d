// Prints the README's table of handles and methods, from the generated tables: each facade
// method, the operation it runs, whether that operation may be repeated, and its CLI command.
// Run: npx tsx scripts/facade-table.ts
import { commands } from "../src/generated/commands.js";
import { idempotentReasons, operations } from "../src/generated/operations.js";

const rows = commands.map(({ method, operationId, summary, command, argument, flags }) => {
  const [handle, name] = method.split(".") as [string, string];
  const call = handle === "participant" ? `conf.participant(pid).${name}` : `conf.${name}`;
  const args = argument ? argument : flags.length ? "{ … }" : "";
  const operation = operations[operationId as keyof typeof operations];
  const repeat = operation.idempotent ? "yes" : "no";
  return `| \`${call}(${args})\` | ${summary} | \`${operationId}\` | ${repeat} | \`${command}\` |`;
});
console.log("| Method | What it does | Operation | Retried after it may have reached the server | CLI command |");
console.log("|---|---|---|---|---|");
console.log(rows.join("\n"));
console.log("\nOperations that may act twice, and why:\n");
for (const [operationId, operation] of Object.entries(operations)) {
  if (!operation.idempotent) console.log(`- \`${operationId}\`: ${idempotentReasons[operationId as keyof typeof operations]}`);
}
