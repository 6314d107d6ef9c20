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

  it("keeps alerts off without SMTP_URL and builds mail links from HOST and PORT", async () => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("PUBLIC_URL", undefined);
    vi.stubEnv("HOST", "tracker.test");
    vi.stubEnv("PORT", "8080");
    const { getEnv } = await import("../../lib/env");
    expect(getEnv().SMTP_URL).toBeUndefined();
    expect(getEnv().PUBLIC_URL).toBe("http://tracker.test:8080");
  });

  it("refuses an SMTP_URL that is not smtp(s)", async () => {
    vi.stubEnv("SMTP_URL", "http://mail.example.test");
    const { getEnv } = await import("../../lib/env");
    expect(() => getEnv()).toThrow(/SMTP_URL: must be an smtp/);
  });

  it("refuses FRONT_URL without FRONT_SECRET, and a FRONT_URL that is not http(s)", async () => {
    vi.stubEnv("FRONT_SECRET", undefined);
    vi.stubEnv("FRONT_URL", "http://tracker.test");
    const { getEnv } = await import("../../lib/env");
    expect(() => getEnv()).toThrow(/FRONT_URL: needs FRONT_SECRET/);
    vi.resetModules();
    vi.stubEnv("FRONT_SECRET", "a".repeat(32));
    vi.stubEnv("FRONT_URL", "ftp://tracker.test");
    const again = await import("../../lib/env");
    expect(() => again.getEnv()).toThrow(/FRONT_URL: must be an http/);
  });
});
