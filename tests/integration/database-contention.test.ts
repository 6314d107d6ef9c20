import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../helpers/action-request")).nextHeaders("contention-request-01"));
vi.mock("next/cache", async () => (await import("../helpers/action-request")).nextCache());
// Set before anything reads the environment: a short busy timeout keeps the test quick.
process.env.DATABASE_BUSY_TIMEOUT_MS = "1000";
process.env.MUTATION_RATE_LIMIT_PER_MINUTE = "1000000";

const { prisma } = await import("../../lib/db/prisma");
const { seedWorkerDatabase } = await import("../helpers/seeded");
const { onPostgres } = await import("../helpers/test-database");
const { signInEditor, verify } = await import("../helpers/verify-action");

const root = path.resolve(import.meta.dirname, "../..");
const file = () => process.env.DATABASE_URL!.replace(/^file:/, "");

/** Another process takes the write lock and keeps it for `ms` (as a backup or a script would). */
async function holdWriteLock(ms: number): Promise<{ released: Promise<void> }> {
  const script = `const D = require("better-sqlite3"); const db = new D(process.argv[1]); db.exec("BEGIN IMMEDIATE");
    process.stdout.write("locked\\n"); setTimeout(() => { db.exec("COMMIT"); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ["-e", script, file(), String(ms)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  // Wrapped: an async function would otherwise wait for the returned promise itself.
  return { released: new Promise<void>((resolve) => child.on("exit", () => resolve())) };
}

beforeAll(async () => {
  if (onPostgres) return;
  await seedWorkerDatabase();
  await signInEditor();
});

// SQLite's file lock held by another process; PostgreSQL has row locks and no busy timeout to test here.
describe.skipIf(onPostgres)("writes under another connection's write lock", () => {
  it("wait for the lock (up to the busy timeout) instead of failing at once", async () => {
    const { released } = await holdWriteLock(400);
    const started = Date.now();
    expect(await verify("ai-declaration")).toMatchObject({ status: "success" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await released;
  });

  it("after the busy timeout fail with a form message carrying the request id, writing nothing", async () => {
    const history = await prisma.historyEntry.count();
    const { released } = await holdWriteLock(2500);
    const spy = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const refused = await verify("ai-declaration");
    spy.mockRestore();
    expect(refused).toEqual({
      status: "error",
      message: "databaseBusy",
      messageValues: { requestId: "contention-request-01" },
      // What was sent comes back with the refusal, for a form sent before hydration to show again.
      values: { slug: ["ai-declaration"], version: [expect.any(String)] },
    });
    await released;
    expect(await prisma.historyEntry.count()).toBe(history);
  });
});
