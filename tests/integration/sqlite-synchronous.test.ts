import { describe, expect, it } from "vitest";
import { createPrismaClient } from "../../lib/db/create-client";
import { newDatabaseUrl, onPostgres } from "../helpers/test-database";

// PRAGMA synchronous: 1 = NORMAL (sync at checkpoints), 2 = FULL (sync at every commit); decision 031.
describe.skipIf(onPostgres)("SQLite durability setting", () => {
  it.each([
    [undefined, 1],
    ["normal", 1],
    ["full", 2],
  ] as const)("SQLITE_SYNCHRONOUS=%s opens connections with synchronous=%i, and a commit is read back by a new connection", async (setting, expected) => {
    const url = await newDatabaseUrl(`sync-${setting ?? "default"}`);
    const client = setting ? createPrismaClient(url, 5_000, setting) : createPrismaClient(url, 5_000);
    const reader = createPrismaClient(url, 5_000);
    try {
      const [row] = await client.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
      expect(Number(row!.synchronous)).toBe(expected);
      await client.rateLimit.create({ data: { key: "sync-check", count: 1, resetAt: new Date() } });
      expect(await reader.rateLimit.count({ where: { key: "sync-check" } })).toBe(1);
    } finally {
      await client.$disconnect();
      await reader.$disconnect();
    }
  });
});
