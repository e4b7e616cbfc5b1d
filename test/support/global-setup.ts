// Starts one Prism mock of openapi.yaml for the whole run and hands its URL to the tests.
import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const prism = await startPrism();
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
