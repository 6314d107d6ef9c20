import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { TSX } from "../helpers/tsx";
import type { APIRequestContext } from "@playwright/test";
import { createPrismaClient } from "../../lib/db/create-client";
import { createDatabase, databaseName, withDatabase } from "../../lib/db/postgres-adapter";
import { postgresToolsDir } from "../../lib/db/postgres-backup";
import { databaseProvider } from "../../lib/db/provider";
import { E2E_DATABASE_URL } from "./database";
import { expect, test } from "./fixtures";

/**
 * Crash recovery: the production server is killed with SIGKILL in the middle of concurrent
 * writes, restarted on the same database, and every write it had acknowledged must still be
 * there, in a database that passes integrity_check and whose versions chain without gaps.
 * The test runs its own server (port 3299) on a database of its own: tests/.e2e/crash.db, or, when
 * the suite runs on PostgreSQL (E2E_DATABASE_URL=postgresql://…), the database `<that name>_crash`
 * on the same server, where the integrity check is pg_amcheck's (heap and every B-tree index).
 *
 * That server runs the same build (NEXT_DIST_DIR, or .next) from a private copy without the
 * build's `cache` folder: Next's data cache (`<distDir>/cache/fetch-cache`, used by
 * lib/cache for the public reads) is kept on disk and its keys do not name the database, so a
 * server on another database (the shared one on port 3210, or an earlier run of this test)
 * would otherwise hand this one its pages. The copy is deleted at the end.
 */

const PORT = 3299;
const ORIGIN = `http://localhost:${PORT}`;
const ON_POSTGRES = databaseProvider(E2E_DATABASE_URL) === "postgres";
const DATABASE_URL = ON_POSTGRES ? withDatabase(E2E_DATABASE_URL, `${databaseName(E2E_DATABASE_URL)}_crash`) : "file:./tests/.e2e/crash.db";
const SLUGS = ["water-strategy-harmonisation", "ai-declaration", "transport-system-strategy", "central-asian-expert-forum"];
const WORKERS = 4;
// Load runs until this many writes are acknowledged (at most LOAD_WAIT_MS), then LOAD_MS more before the kill.
const ACKNOWLEDGED_BEFORE_KILL = 3;
const LOAD_WAIT_MS = 60_000;
const LOAD_MS = 1_000;
const VERIFY_FORM = "Verification";
// The rendered outcome, not the message catalogue that next-intl also ships in the page
// ("Marked as verified (version {version})."): only a real save has a number there.
const SUCCESS = /Marked as verified \(version \d+\)\./;
const CONFLICT = /role="alert"[^>]*>\s*<p[^>]*>Someone else changed this initiative/;
const SHARED_DIST = (process.env.NEXT_DIST_DIR ?? ".next").replace(/[\\/]+$/, "");
const PRIVATE_DIST = `${SHARED_DIST}-crash-recovery`;

/** The production build, copied without its caches, for this test's server alone. */
function copyBuild(): void {
  if (!existsSync(path.join(SHARED_DIST, "BUILD_ID"))) throw new Error(`No production build in ${SHARED_DIST}: run next build first.`);
  rmSync(PRIVATE_DIST, { recursive: true, force: true });
  cpSync(SHARED_DIST, PRIVATE_DIST, { recursive: true, filter: (source) => path.relative(SHARED_DIST, source) !== "cache" });
}

function runCli(args: string[], input?: string) {
  const result = spawnSync(TSX, [...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

interface Server {
  process: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

/** Lets the test read the health details (versions, journal mode) without an admin session. */
const HEALTH_TOKEN = "crash-recovery-health-token";

/** `next start` in a process group of its own (so the whole group can be killed at once). */
async function startServer(): Promise<Server> {
  const child = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "localhost"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // The per-user mutation limit is lifted: this test is about durability, not throttling.
    env: {
      ...process.env,
      DATABASE_URL,
      NEXT_DIST_DIR: PRIVATE_DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      MUTATION_RATE_LIMIT_PER_MINUTE: "1000000",
      HEALTH_TOKEN,
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exitedEarly = false;
  const exited = new Promise<void>((resolve) => child.on("exit", () => ((exitedEarly = true), resolve())));
  const server = { process: child, output: () => output, exited };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exitedEarly) throw new Error(`next start exited:\n${output}`);
    try {
      const response = await fetch(`${ORIGIN}/api/health`);
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  killGroup(server, "SIGKILL");
  throw new Error(`next start did not become healthy within 60 s:\n${output}`);
}

function killGroup(server: Server, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.process.pid!, signal);
  } catch {
    // already gone
  }
}

async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null || server.process.signalCode !== null) return;
  killGroup(server, "SIGTERM");
  const timer = setTimeout(() => killGroup(server, "SIGKILL"), 5_000);
  await server.exited;
  clearTimeout(timer);
}

/** The version the page's editor forms carry (every form of the panel has the same one). */
function versionIn(html: string): number {
  const input = html.match(/<input[^>]*name="version"[^>]*>/)?.[0];
  const value = input?.match(/value="(\d+)"/)?.[1];
  if (!value) throw new Error("no version field in the page");
  return Number(value);
}

interface Tally {
  attempted: string[];
  acknowledged: string[];
  conflicts: number;
  failures: number;
}

/** One worker: load the page, read its version, replay the verify form with a note of its own. */
async function work(
  api: APIRequestContext,
  worker: number,
  cookie: string,
  fields: Map<string, Record<string, string>>,
  isStopped: () => boolean,
  tally: Tally,
): Promise<void> {
  for (let n = 0; !isStopped(); n++) {
    const slug = SLUGS[(worker + n) % SLUGS.length]!;
    const pagePath = `/en/initiatives/${slug}`;
    const note = `crash-${worker}-${n}`;
    try {
      const page = await api.get(pagePath, { headers: { Cookie: cookie }, timeout: 15_000 });
      if (page.status() !== 200) {
        tally.failures++;
        continue;
      }
      const version = versionIn(await page.text());
      tally.attempted.push(note);
      const response = await api.post(pagePath, {
        multipart: { ...fields.get(slug)!, version: String(version), note },
        headers: { Origin: ORIGIN, Cookie: cookie },
        maxRedirects: 0,
        timeout: 15_000,
      });
      const html = await response.text();
      if (response.status() === 200 && SUCCESS.test(html)) tally.acknowledged.push(note);
      else if (CONFLICT.test(html)) tally.conflicts++;
      else tally.failures++;
    } catch {
      // The server was killed under this request: not acknowledged.
      tally.failures++;
    }
  }
}

/** The engine's own integrity check: SQLite's integrity_check, or pg_amcheck over every table and index. */
async function checkIntegrity(prisma: ReturnType<typeof createPrismaClient>): Promise<string> {
  if (!ON_POSTGRES) return String((await prisma.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check"))[0]?.integrity_check);
  const result = spawnSync(path.join(postgresToolsDir(), "pg_amcheck"), ["--install-missing", "--heapallindexed", DATABASE_URL], { encoding: "utf8" });
  return result.status === 0 ? "ok" : `pg_amcheck exit ${result.status}: ${result.stdout}${result.stderr}`.slice(0, 2_000);
}

/** What the database holds after the crash, read through the app's own client. */
async function inspectDatabase() {
  const prisma = createPrismaClient(DATABASE_URL, 10_000);
  try {
    const integrity = await checkIntegrity(prisma);
    const initiatives = await prisma.initiative.findMany({ select: { id: true, slug: true, version: true } });
    const versions = new Map(initiatives.map((row) => [row.slug, row.version]));
    const entries = await prisma.historyEntry.findMany({
      select: { initiativeId: true, version: true, note: true },
      orderBy: [{ initiativeId: "asc" }, { version: "asc" }],
    });
    const notes = new Set(entries.map((row) => row.note));
    const problems: string[] = [];
    for (const initiative of initiatives) {
      const chain = entries.filter((entry) => entry.initiativeId === initiative.id).map((entry) => entry.version);
      chain.forEach((version, index) => {
        if (version !== index + 1) problems.push(`${initiative.slug}: version ${version} at position ${index + 1}`);
      });
      if (chain.at(-1) !== initiative.version) problems.push(`${initiative.slug}: at version ${initiative.version}, newest entry ${chain.at(-1)}`);
    }
    return { integrity, notes, problems, versions };
  } finally {
    await prisma.$disconnect();
  }
}

/** On PostgreSQL the crash test's database is made on the suite's server when it is not there yet. */
async function ensureDatabase(): Promise<void> {
  if (!ON_POSTGRES) return;
  const client = new pg.Client({ connectionString: withDatabase(DATABASE_URL, "postgres") });
  await client.connect();
  try {
    if ((await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [databaseName(DATABASE_URL)])).rowCount === 1) return;
  } finally {
    await client.end();
  }
  await createDatabase(DATABASE_URL, databaseName(DATABASE_URL));
}

test("acknowledged writes survive SIGKILL of the server under concurrent load", async ({ browser, playwright }) => {
  test.setTimeout(300_000);
  await ensureDatabase();
  runCli(["scripts/cli/db-reset.ts"]);
  const editor = { email: `crash-${randomUUID().slice(0, 8)}@example.test`, password: `pw-${randomUUID()}` };
  runCli(["scripts/cli/user-create.ts", "--email", editor.email, "--role", "editor", "--name", "Crash Editor"], `${editor.password}\n`);

  copyBuild();
  let server: Server | undefined;
  const context = await browser.newContext();
  const api = await playwright.request.newContext({ baseURL: ORIGIN });
  try {
    server = await startServer();

    // Sign in through the real page and take the session cookie.
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/en/sign-in`);
    await page.getByLabel("E-mail").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/en\/editor$/);
    const session = (await context.cookies(ORIGIN)).find((cookie) => cookie.name === "tracker_session");
    expect(session).toBeDefined();
    const cookie = `tracker_session=${session!.value}`;

    // The verify form of each initiative as the browser would send it: the action reference plus the fields.
    const fields = new Map<string, Record<string, string>>();
    for (const slug of SLUGS) {
      await page.goto(`${ORIGIN}/en/initiatives/${slug}`);
      const form = page.getByRole("form", { name: VERIFY_FORM });
      await expect(form).toBeVisible();
      const captured = await form.evaluate((element) => {
        const data: Record<string, string> = {};
        for (const [key, value] of new FormData(element as HTMLFormElement).entries()) data[key] = String(value);
        return data;
      });
      expect(Object.keys(captured).some((key) => key.startsWith("$ACTION"))).toBe(true);
      expect(captured).toMatchObject({ slug, version: expect.stringMatching(/^\d+$/), note: "" });
      fields.set(slug, captured);
    }
    await page.close();

    // Load, then SIGKILL the whole server process group in the middle of it.
    const tally: Tally = { attempted: [], acknowledged: [], conflicts: 0, failures: 0 };
    let stopped = false;
    const workers = Array.from({ length: WORKERS }, (_, worker) => work(api, worker, cookie, fields, () => stopped, tally));
    // Kill once the load is under way (a few writes acknowledged), then a little later: on a busy
    // machine the first writes can take longer than the whole fixed window did.
    const loadStarted = Date.now();
    while (tally.acknowledged.length < ACKNOWLEDGED_BEFORE_KILL && Date.now() - loadStarted < LOAD_WAIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    const acknowledgedBeforeKill = tally.acknowledged.length;
    killGroup(server, "SIGKILL");
    stopped = true;
    await server.exited;
    await Promise.all(workers);
    server = undefined;

    expect(acknowledgedBeforeKill, "the load produced acknowledged writes before the kill").toBeGreaterThan(0);

    // Restart on the same database: it must come back healthy (SQLite recovers its WAL on open).
    server = await startServer();
    const health = (await (await fetch(`${ORIGIN}/api/health`, { headers: { Authorization: `Bearer ${HEALTH_TOKEN}` } })).json()) as {
      status: string;
      database: { ok: boolean };
    };
    expect(health).toMatchObject({
      status: "ok",
      database: ON_POSTGRES ? { ok: true, engine: "postgresql" } : { ok: true, engine: "sqlite", journalMode: "wal" },
    });

    const { integrity, notes, problems, versions } = await inspectDatabase();
    const present = tally.acknowledged.filter((note) => notes.has(note));
    const committedUnacknowledged = tally.attempted.filter((note) => notes.has(note) && !tally.acknowledged.includes(note));
    console.log(
      `crash-recovery: ${tally.attempted.length} writes sent by ${WORKERS} workers, ${tally.acknowledged.length} acknowledged, ` +
        `${present.length} of them present after restart; ${committedUnacknowledged.length} committed without an answer, ` +
        `${tally.conflicts} refused as conflicts, ${tally.failures} cut off or failed.`,
    );
    expect(integrity).toBe("ok");
    expect(
      tally.acknowledged.filter((note) => !notes.has(note)),
      "acknowledged writes missing after the crash",
    ).toEqual([]);
    expect(problems).toEqual([]);

    // The restarted server shows what the database holds (an editor's form carries the version
    // it shows, so a stale page would refuse every save on it) and takes writes again.
    for (const slug of SLUGS) {
      const html = await (await api.get(`/en/initiatives/${slug}`, { headers: { Cookie: cookie } })).text();
      const shown = versionIn(html);
      expect(shown, `${slug}: the restarted app shows version ${shown}, the database holds ${versions.get(slug)}`).toBe(versions.get(slug));
      const after = await api.post(`/en/initiatives/${slug}`, {
        multipart: { ...fields.get(slug)!, version: String(shown), note: `after-restart-${slug}` },
        headers: { Origin: ORIGIN, Cookie: cookie },
        maxRedirects: 0,
      });
      expect(after.status()).toBe(200);
      expect(await after.text()).toMatch(SUCCESS);
    }
    const final = await inspectDatabase();
    expect(SLUGS.filter((slug) => !final.notes.has(`after-restart-${slug}`))).toEqual([]);
    expect(final.problems).toEqual([]);
  } catch (error) {
    if (server) console.error(`Server output:\n${server.output()}`);
    throw error;
  } finally {
    await stopServer(server);
    await api.dispose();
    await context.close();
    rmSync(PRIVATE_DIST, { recursive: true, force: true });
  }
});
