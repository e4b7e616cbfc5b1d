// Where the runtime matrix keeps its runtimes: one cache per user, so that every clone on a
// machine shares one download.
import { describe, expect, it } from "vitest";
import { runtimesCacheDir } from "../../scripts/runtimes.js";

describe("the runtimes' cache folder", () => {
  it("is under ~/.cache when XDG_CACHE_HOME is unset", () => {
    expect(runtimesCacheDir({}, "/home/ann")).toBe("/home/ann/.cache/huaweicloud-meeting-control/runtimes");
  });

  it("is under XDG_CACHE_HOME when it is an absolute path", () => {
    expect(runtimesCacheDir({ XDG_CACHE_HOME: "/var/cache/ann" }, "/home/ann")).toBe("/var/cache/ann/huaweicloud-meeting-control/runtimes");
  });

  it.each(["", "relative/cache"])("ignores XDG_CACHE_HOME=%j, which the XDG rule does not count, for ~/.cache", (xdg) => {
    expect(runtimesCacheDir({ XDG_CACHE_HOME: xdg }, "/home/ann")).toBe("/home/ann/.cache/huaweicloud-meeting-control/runtimes");
  });

  it("is RUNTIMES_DIR when set, whatever XDG_CACHE_HOME says", () => {
    expect(runtimesCacheDir({ RUNTIMES_DIR: "/ci/runtimes", XDG_CACHE_HOME: "/var/cache/ann" }, "/home/ann")).toBe("/ci/runtimes");
  });

  it("does not depend on the clone it runs from", () => {
    expect(runtimesCacheDir({}, "/home/ann")).not.toContain(process.cwd());
  });
});
