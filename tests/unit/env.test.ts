import { afterEach, describe, expect, it, vi } from "vitest";

describe("environment", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("defaults the database to ./data/tracker.db", async () => {
    vi.stubEnv("DATABASE_URL", undefined);
    const { getEnv } = await import("../../lib/env");
    expect(getEnv().DATABASE_URL).toBe("file:./data/tracker.db");
  });

  it("fails fast with a message naming the bad variable", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://elsewhere/tracker");
    const { getEnv } = await import("../../lib/env");
    expect(() => getEnv()).toThrow(/DATABASE_URL: must be a SQLite file URL .* or a PostgreSQL URL/);
  });

  it("accepts a PostgreSQL URL", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://tracker:secret@db.internal:5432/tracker");
    const { getEnv } = await import("../../lib/env");
    expect(getEnv().DATABASE_URL).toBe("postgresql://tracker:secret@db.internal:5432/tracker");
  });

  it("rejects a port out of range", async () => {
    vi.stubEnv("PORT", "70000");
    const { getEnv } = await import("../../lib/env");
    expect(() => getEnv()).toThrow(/PORT/);
  });
});
