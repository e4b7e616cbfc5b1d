import { describe, expect, it } from "vitest";
import { BROWSER_BUDGET, browserEntrySize } from "../scripts/size.js";

describe("the browser entry", () => {
  it(`stays within ${BROWSER_BUDGET} bytes minified and gzipped, openapi-fetch included`, async () => {
    const { gzipped } = await browserEntrySize();
    expect(gzipped).toBeGreaterThan(2_600); // openapi-fetch alone is about this: the bundle is real
    expect(gzipped).toBeLessThanOrEqual(BROWSER_BUDGET);
  });
});
