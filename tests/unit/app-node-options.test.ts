import { afterEach, describe, expect, it, vi } from "vitest";
import { appNodeOptions, appServerEnv } from "../../scripts/cli/app-node-options";

const settings = { APP_HEAP_MB: 320, APP_SEMI_SPACE_MB: 8, MALLOC_ARENA_MAX: 2 };

describe("the app server's memory settings", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("bounds the old and the young generation, keeping the caller's other options", () => {
    expect(appNodeOptions(settings, "--enable-source-maps")).toBe("--enable-source-maps --max-old-space-size=320 --max-semi-space-size=8");
  });

  it("replaces bounds the caller already set instead of passing them twice", () => {
    const options = appNodeOptions({ ...settings, APP_HEAP_MB: 512, APP_SEMI_SPACE_MB: 4 }, "--max-semi-space-size=16 --max-old-space-size=2048 --trace-gc");
    expect(options).toBe("--trace-gc --max-old-space-size=512 --max-semi-space-size=4");
  });

  it("gives next start glibc's arena bound with NODE_OPTIONS", () => {
    expect(appServerEnv(settings, "")).toEqual({ NODE_OPTIONS: "--max-old-space-size=320 --max-semi-space-size=8", MALLOC_ARENA_MAX: "2" });
  });

  it("defaults to 8 MB semi-spaces and two arenas, and reads both from the environment", async () => {
    vi.stubEnv("APP_SEMI_SPACE_MB", undefined);
    vi.stubEnv("MALLOC_ARENA_MAX", undefined);
    let { getEnv } = await import("../../lib/env");
    expect(getEnv()).toMatchObject({ APP_SEMI_SPACE_MB: 8, MALLOC_ARENA_MAX: 2 });
    vi.resetModules();
    vi.stubEnv("APP_SEMI_SPACE_MB", "16");
    vi.stubEnv("MALLOC_ARENA_MAX", "4");
    ({ getEnv } = await import("../../lib/env"));
    expect(appServerEnv(getEnv(), "")).toEqual({ NODE_OPTIONS: "--max-old-space-size=320 --max-semi-space-size=16", MALLOC_ARENA_MAX: "4" });
  });

  it("refuses a semi-space or arena count out of range", async () => {
    vi.stubEnv("APP_SEMI_SPACE_MB", "0");
    vi.stubEnv("MALLOC_ARENA_MAX", "100");
    const { getEnv } = await import("../../lib/env");
    expect(() => getEnv()).toThrow(/APP_SEMI_SPACE_MB[\s\S]*MALLOC_ARENA_MAX/);
  });
});
