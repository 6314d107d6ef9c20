import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "../../app/api/health/route";
import * as route from "../../app/api/health/route";
import { prisma } from "../../lib/db/prisma";
import { migrationPaths } from "../../lib/db/schema-engine";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { createSession } from "../../lib/auth/sessions";
import { createPrismaClient } from "../../lib/db/create-client";
import { databaseFailure } from "../../lib/db/database-failure";
import { checkHealth, healthResponse, publicHealth, type HealthReport } from "../../lib/health/check-health";
import { markVerified } from "../../lib/initiatives/mark-verified";
import packageJson from "../../package.json";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import { runDir } from "../helpers/paths";
import { seedWorkerDatabase } from "../helpers/seeded";
import { freshDatabase, onPostgres } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

// Set before anything reads the environment: monitoring's token for the full report.
process.env.HEALTH_TOKEN = "health-token-for-tests-0123";
const withToken = () => new Request("http://localhost:3000/api/health", { headers: { Authorization: `Bearer ${process.env.HEALTH_TOKEN}` } });

/** A client on an unusable database, made without createPrismaClient (which would fail at once preparing the file). */
function clientAt(file: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 200 }) });
}

const committedMigrations = readdirSync(migrationPaths(onPostgres ? "postgres" : "sqlite").migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function expectSafeError(report: HealthReport, file: string) {
  expect(report.status).toBe("degraded");
  expect(report.database.ok).toBe(false);
  const error = "error" in report.database ? report.database.error : "";
  expect(error.length).toBeGreaterThan(0);
  expect(report.error).toBe(error);
  const json = JSON.stringify(report);
  expect(json).not.toContain(file);
  expect(json).not.toContain(path.basename(file));
  expect(json).not.toMatch(/\/[\w.-]+\/|\bat \S+ \(|\.ts:\d+|node_modules/);
}

describe("GET /api/health", () => {
  beforeAll(() => seedWorkerDatabase());
  afterAll(() => prisma.$disconnect());

  it("is dynamic and answers 200 with the app and the database when the database works", async () => {
    expect(route.dynamic).toBe("force-dynamic");
    const before = Date.now();
    const response = await GET(withToken());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as HealthReport;
    expect(body).toEqual({
      status: "ok",
      app: { version: packageJson.version, uptimeSeconds: expect.any(Number), nodeVersion: process.version },
      database: {
        ok: true,
        latencyMs: expect.any(Number),
        ...(onPostgres ? { engine: "postgresql", serverVersion: expect.stringMatching(/^1[5-9]|^[2-9]\d/) } : { engine: "sqlite", journalMode: "wal" }),
        migrations: { applied: committedMigrations.length, latest: committedMigrations.at(-1) },
        initiatives: catalog.initiatives.length,
        ...(onPostgres ? {} : { freeBytes: expect.any(Number) }),
      },
      // Outside `next start` there is no cache handler.
      cache: { kind: "none", ok: true, entries: null, bytes: null, maxEntries: null, maxBytes: null },
      time: expect.any(String),
    });
    expect(body.app.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.database.latencyMs).toBeLessThan(5_000);
    expect(Date.parse(body.time)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(body.time)).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it("answers 503 degraded when the database file cannot be opened (its folder does not exist and cannot be made)", async () => {
    const blocker = path.join(runDir(), `health-blocker-${process.pid}`);
    writeFileSync(blocker, "a file where a folder would have to be");
    const file = path.join(blocker, "nested", "tracker.db");
    const client = clientAt(file);
    const errors: unknown[] = [];
    const report = await checkHealth(client, { onError: (error) => errors.push(error) });
    await client.$disconnect().catch(() => undefined);
    expect(errors).toHaveLength(1);
    expectSafeError(report, file);
    expect(report.error).toBe("The database file cannot be opened.");
    expect(String(errors[0])).toMatch(/directory|open/i); // the real cause, for the server's log only
    expect(report.app.version).toBe(packageJson.version);
    const response = healthResponse(report);
    expect(response.status).toBe(503);
    expect(((await response.json()) as HealthReport).status).toBe("degraded");
  });

  it("answers 503 degraded when the file is not a database, through the route itself", async () => {
    const dir = path.join(runDir(), `health-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "not-a-database.db");
    writeFileSync(file, "This is a text file, not SQLite.\n".repeat(100));
    const client = clientAt(file);
    const slot = globalThis as unknown as { prisma?: PrismaClient };
    const working = slot.prisma;
    slot.prisma = client; // what lib/db/prisma.ts hands the route
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await GET(withToken());
      expect(response.status).toBe(503);
      const body = (await response.json()) as HealthReport;
      expectSafeError(body, file);
      expect(body.database).toEqual({ ok: false, latencyMs: expect.any(Number), error: "The database file is not a SQLite database." });
      expect(log).toHaveBeenCalledOnce();
    } finally {
      log.mockRestore();
      slot.prisma = working;
      await client.$disconnect().catch(() => undefined);
    }
    expect((await GET(withToken())).status).toBe(200);
  });

  it("answers 503 degraded on a database without the tracker's tables", async () => {
    const file = path.join(runDir(), `health-empty-${process.pid}.db`);
    const client = clientAt(file);
    const report = await checkHealth(client);
    await client.$disconnect();
    expectSafeError(report, file);
    expect(report.error).toBe("The database has not been migrated.");
  });

  it("shows only the status to anyone else; the details to a signed-in admin", async () => {
    const anonymous = await GET(new Request("http://localhost:3000/api/health"));
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ status: "ok", time: expect.any(String) });
    const wrongToken = await GET(new Request("http://localhost:3000/api/health", { headers: { Authorization: "Bearer not-the-token-at-all" } }));
    expect(Object.keys(await wrongToken.json())).toEqual(["status", "time"]);
    const editor = await makeUser(prisma, "editor");
    const admin = await makeUser(prisma, "admin");
    const asUser = async (id: number) => {
      const { token } = await createSession(prisma, id);
      return (await GET(new Request("http://localhost:3000/api/health", { headers: { Cookie: `tracker_session=${token}` } }))).json();
    };
    expect(await asUser(editor.id)).not.toHaveProperty("app");
    expect(await asUser(admin.id)).toMatchObject({ status: "ok", app: { nodeVersion: process.version }, database: { migrations: expect.any(Object) } });
  });

  // chattr on a SQLite file; PostgreSQL reports read-only itself.
  it.skipIf(onPostgres)("answers 503 degraded with the reason when the database file cannot take writes, and a save says so", async () => {
    const { url, prisma: client } = await freshDatabase("health-read-only");
    const file = url.replace(/^file:/, "");
    await seedDatabase(client, catalog);
    const editor = await makeUser(client, "editor");
    // Immutable even for root (chmod is not): the file stays readable, every write fails.
    execFileSync("chattr", ["+i", file]);
    try {
      const report = await checkHealth(client, { databaseFile: file });
      expect(report.status).toBe("degraded");
      expect(report.error).toBe("The database cannot take writes: its file or storage is read-only.");
      expect(healthResponse(report, publicHealth(report)).status).toBe(503);
      const { slug, version } = await client.initiative.findFirstOrThrow({ select: { version: true, slug: true } });
      // A connection opened now (as after a restart) can only read.
      const reopened = createPrismaClient(url, 200);
      const failure = await markVerified(reopened, editor, { slug, version, note: "", correctsId: null }).catch((error: unknown) => error);
      await reopened.$disconnect();
      expect(databaseFailure(failure)).toBe("unavailable");
    } finally {
      execFileSync("chattr", ["-i", file]);
      await client.$disconnect();
    }
  });

  it.runIf(onPostgres)("on PostgreSQL, answers 503 degraded when the database takes no writes (read-only), and a save says so", async () => {
    const { url, prisma: client } = await freshDatabase("health-pg-read-only");
    await seedDatabase(client, catalog);
    const editor = await makeUser(client, "editor");
    const { slug, version } = await client.initiative.findFirstOrThrow({ select: { version: true, slug: true } });
    expect((await checkHealth(client)).status).toBe("ok");
    await client.$disconnect();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    // What a standby or an operator's read-only switch looks like to new connections.
    await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
    await admin.end();
    const readOnly = createPrismaClient(url, 200);
    try {
      const report = await checkHealth(readOnly);
      expect(report.status).toBe("degraded");
      expect(report.error).toBe("The database cannot take writes: its file or storage is read-only.");
      expect(healthResponse(report, publicHealth(report)).status).toBe(503);
      const failure = await markVerified(readOnly, editor, { slug, version, note: "", correctsId: null }).catch((error: unknown) => error);
      expect(databaseFailure(failure)).toBe("unavailable");
    } finally {
      await readOnly.$disconnect();
    }
  });

  it.runIf(onPostgres)("on PostgreSQL, a write lock held elsewhere is not 'degraded': someone is writing", async () => {
    const { url, prisma: client } = await freshDatabase("health-pg-locked");
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES ('health:probe', 1, now())`);
      const started = performance.now();
      expect((await checkHealth(client)).status).toBe("ok");
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
      await client.$disconnect();
    }
  });

  it("answers 503 degraded, naming no host, when the PostgreSQL server cannot be reached", async () => {
    const client = createPrismaClient("postgresql://tracker:secret@127.0.0.1:1/tracker", 200);
    const report = await checkHealth(client);
    await client.$disconnect().catch(() => undefined);
    expect(report.status).toBe("degraded");
    expect(report.error).toBe("The database server cannot be reached.");
    expect(JSON.stringify(report)).not.toMatch(/127\.0\.0\.1|secret|tracker:/);
  });

  it("says degraded but answers 200 while the shared cache (Redis) is unreachable: pages still come from the database", async () => {
    const slot = globalThis as { __trackerDataCache?: unknown };
    slot.__trackerDataCache = { kind: "redis", ready: false, entries: () => null, bytes: () => null, maxEntries: null, maxBytes: null };
    try {
      const response = await GET(withToken());
      expect(response.status).toBe(200);
      const body = (await response.json()) as HealthReport;
      expect(body.status).toBe("degraded");
      expect(body.database.ok).toBe(true);
      expect(body.cache).toMatchObject({ kind: "redis", ok: false });
      expect(body.error).toBe("The shared cache (Redis) cannot be reached: pages are read from the database.");
    } finally {
      slot.__trackerDataCache = undefined;
    }
    expect(((await (await GET(withToken())).json()) as HealthReport).status).toBe("ok");
  });
});
