// openapi.yaml as the tests read it: parsed, with local `$ref`s followed on demand.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { specPath } from "../../scripts/prism.js";

export const spec = parse(readFileSync(specPath, "utf8"));

/** `node`, or what its `$ref` (`#/components/…`) points at, followed until it is no reference. */
export const resolve = (node: any): any =>
  node?.$ref
    ? resolve(
        node.$ref
          .slice(2)
          .split("/")
          .reduce((n: any, k: string) => n[k], spec),
      )
    : node;
