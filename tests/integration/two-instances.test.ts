import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../helpers/action-request")).nextHeaders("two-instances-req-01"));
vi.mock("next/cache", async () => (await import("../helpers/action-request")).nextCache());
// A busy timeout long enough that a save under the whole suite's load on two cores still gets the lock;
// the refusal after the timeout is tested in database-contention.test.ts. No rate limit in the way.
process.env.DATABASE_BUSY_TIMEOUT_MS = "20000";
process.env.MUTATION_RATE_LIMIT_PER_MINUTE = "1000000";

const { prisma } = await import("../../lib/db/prisma");
const { seedWorkerDatabase } = await import("../helpers/seeded");
const { signInEditor, verify } = await import("../helpers/verify-action");

const root = path.resolve(import.meta.dirname, "../..");

let editorId = 0;
beforeAll(async () => {
  await seedWorkerDatabase();
  editorId = (await signInEditor()).id;
});

describe("two app instances on one database file", () => {
  it("two app instances on one file, 8 writers for 10 s: every save succeeds or meets a version conflict", async () => {
    const slug = "ai-declaration";
    const second = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      [path.join(root, "tests/helpers/second-instance.ts"), process.env.DATABASE_URL!, String(editorId), slug, "10000", "4", "20000"],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    let errors = "";
    second.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    second.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    let exit = "";
    const finished = new Promise<void>((resolve) => second.on("close", (code, signal) => ((exit = `exit ${code} ${signal ?? ""}`), resolve())));
    const until = Date.now() + 10_000;
    const here = { saved: 0, conflicts: 0, failures: [] as unknown[] };
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (Date.now() < until) {
          const answer = await verify(slug).catch((error: unknown) => ({ status: "thrown", error }));
          if (answer.status === "success") here.saved++;
          else if ("message" in answer && answer.message === "conflict") here.conflicts++;
          else here.failures.push(answer);
        }
      }),
    );
    await finished;
    expect(output, `${exit}\n${errors}`).not.toBe("");
    const there = JSON.parse(output) as { saved: number; conflicts: number; failures: number; errors: string[] };
    expect(here.failures).toEqual([]);
    console.info("two instances:", { here: { saved: here.saved, conflicts: here.conflicts }, there });
    expect(there.errors).toEqual([]);
    expect(there.failures).toBe(0);
    expect(here.saved).toBeGreaterThan(10);
    expect(there.saved).toBeGreaterThan(10);
    // Every save is one history entry, versions without gaps.
    const versions = await prisma.historyEntry.findMany({ where: { initiative: { slug } }, select: { version: true }, orderBy: { version: "asc" } });
    expect(versions.map((entry) => entry.version)).toEqual(versions.map((_, index) => versions[0]!.version + index));
  }, 60_000);
});
