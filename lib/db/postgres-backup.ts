import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { BackupError, type BackupResult, type DatabaseSummary, type RestoreProgress, type RestoreResult } from "./backup-common";
import { databaseName, quoteIdentifier, withDatabase } from "./postgres-adapter";
import { prepareDatabase } from "./prepare-database";
import { describeDatabaseUrl } from "./provider";

/**
 * Backup and restore on PostgreSQL with the server's own tools, pg_dump and pg_restore
 * (docs/operations.md, decision 021), with the promises the SQLite backup makes:
 * - a backup is one consistent state, taken while the app writes: pg_dump reads in one
 *   REPEATABLE READ snapshot, the one the summary below is counted in, so the printed counts are
 *   the dump's;
 * - a backup is checked before it gets its final name: pg_restore reads its table of contents and
 *   every data block (the custom format is compressed, so a damaged block fails to inflate), and
 *   it must hold the tracker's tables;
 * - a restore refuses a damaged or foreign file and a database in use, and replaces the target
 *   atomically: the dump is restored into a new database, checked, and only then swapped in by
 *   renaming (in one transaction), so the target is at every moment the old data or the new;
 *   then pending migrations are applied.
 */

const DUMP_MAGIC = Buffer.from("PGDMP", "latin1");
const SQLITE_MAGIC = Buffer.from("SQLite format 3\0", "latin1");
/** Tables a tracker dump must carry the data of. */
const REQUIRED_TABLES = ["_prisma_migrations", "Initiative", "HistoryEntry", "User"];

/**
 * The folder holding pg_dump and pg_restore: Debian keeps them under /usr/lib/postgresql/<version>/bin
 * (newest first, as tests/servers/start-postgres.sh finds pg_ctl), else whatever PATH has.
 */
export function postgresToolsDir(): string {
  const versions = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql")
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
        .map((name) => path.join("/usr/lib/postgresql", name, "bin"))
    : [];
  const fromPath = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const dir of [...versions, ...fromPath]) {
    if (existsSync(path.join(dir, "pg_dump")) && existsSync(path.join(dir, "pg_restore"))) return dir;
  }
  throw new BackupError("pg_dump and pg_restore were not found (Debian: apt-get install postgresql-client).");
}

interface ToolRun {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs pg_dump or pg_restore; `onStderrLine` sees its verbose output as it comes. */
function runTool(tool: "pg_dump" | "pg_restore", args: string[], onStderrLine?: (line: string) => void): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(postgresToolsDir(), tool), args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      stderr = (stderr + text).slice(-20_000);
      if (!onStderrLine) return;
      const lines = (pending + text).split("\n");
      pending = lines.pop()!;
      for (const line of lines) onStderrLine(line);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr, stdout }));
  });
}

/** The last lines of a tool's error output, without its verbose chatter. */
function toolError(run: ToolRun): string {
  const lines = run.stderr.split("\n").filter((line) => /error|fatal|could not|invalid|unexpected|too short|corrupt/i.test(line));
  return (lines.length ? lines : run.stderr.split("\n").filter(Boolean)).slice(-3).join("; ") || `exit code ${run.code}`;
}

function startsWith(file: string, magic: Buffer): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const header = Buffer.alloc(magic.length);
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(magic);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a file is a pg_dump custom-format archive (what `db:backup` writes on PostgreSQL). */
export function isPostgresDump(file: string): boolean {
  return startsWith(file, DUMP_MAGIC);
}

/** The archive's table of contents, one entry a line (`pg_restore --list`). */
async function listArchive(file: string): Promise<string[]> {
  const run = await runTool("pg_restore", ["--list", file]);
  if (run.code !== 0) throw new BackupError(`${file} is not a readable pg_dump archive: ${toolError(run)}`);
  return run.stdout.split("\n").filter((line) => line && !line.startsWith(";"));
}

/** Refuses an archive whose contents are not the tracker's, or whose data blocks cannot all be read. */
async function checkArchive(file: string): Promise<string[]> {
  const entries = await listArchive(file);
  const missing = REQUIRED_TABLES.filter((table) => !entries.some((entry) => entry.includes(` TABLE DATA public ${table} `)));
  if (missing.length) throw new BackupError(`${file} is not a tracker database: it has no ${missing.join(", ")} table data.`);
  // Writing the archive out as SQL reads and inflates every data block; the output is discarded.
  const run = await runTool("pg_restore", ["--file=/dev/null", file]);
  if (run.code !== 0) throw new BackupError(`${file} failed its check (not every block could be read): ${toolError(run)}`);
  return entries;
}

async function hasTable(client: pg.Client, table: string): Promise<boolean> {
  const { rows } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public."${table}"`]);
  return rows[0]!.present === true;
}

async function summarize(client: pg.Client): Promise<DatabaseSummary> {
  const count = async (table: string) =>
    (await hasTable(client, table)) ? Number((await client.query(`SELECT count(*) AS n FROM public.${quoteIdentifier(table)}`)).rows[0]!.n) : 0;
  const latest = (await hasTable(client, "HistoryEntry")) ? (await client.query(`SELECT max(id) AS id FROM public."HistoryEntry"`)).rows[0]!.id : null;
  const migrations = (await hasTable(client, "_prisma_migrations"))
    ? (
        await client.query(
          `SELECT count(*) AS applied, max(migration_name) AS latest FROM public."_prisma_migrations"
           WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
      ).rows[0]!
    : { applied: 0, latest: null };
  return {
    initiatives: await count("Initiative"),
    historyEntries: await count("HistoryEntry"),
    latestHistoryEntryId: latest === null ? null : Number(latest),
    users: await count("User"),
    migrations: { applied: Number(migrations.applied), latest: migrations.latest ?? null },
  };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** A database on the same server to run CREATE/ALTER/DROP DATABASE from (never the target itself). */
function maintenanceUrl(url: string): string {
  return withDatabase(url, databaseName(url) === "postgres" ? "template1" : "postgres");
}

function fsyncPath(file: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    fsyncSync(fd);
  } catch {
    // Directories cannot be synced everywhere; the rename itself has happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * `pg_dump --format=custom` of the database at `url` into `destinationPath`, online, in one snapshot
 * shared with the summary. Refuses to overwrite a file; the dump gets its final name only once checked.
 */
export async function backupPostgres(url: string, destinationPath: string): Promise<BackupResult> {
  const destination = path.resolve(destinationPath);
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; choose another file name.`);
  mkdirSync(path.dirname(destination), { recursive: true });
  const partial = path.join(path.dirname(destination), `.${path.basename(destination)}.partial-${process.pid}-${Date.now()}.tmp`);

  let client: pg.Client;
  try {
    client = await connect(url);
  } catch (error) {
    throw new BackupError(`Cannot connect to ${describeDatabaseUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    // The snapshot lives as long as this transaction: pg_dump reads exactly what the summary counts.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = String((await client.query("SELECT pg_export_snapshot() AS id")).rows[0]!.id);
    if (!(await hasTable(client, "_prisma_migrations")))
      throw new BackupError(`${describeDatabaseUrl(url)} is not a tracker database: it has no _prisma_migrations table.`);
    const summary = await summarize(client);
    const dump = await runTool("pg_dump", ["--format=custom", `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${url}`]);
    if (dump.code !== 0) throw new BackupError(`pg_dump failed: ${toolError(dump)}`);
    await client.query("COMMIT");
    await checkArchive(partial);
    fsyncPath(partial);
    renameSync(partial, destination);
    fsyncPath(path.dirname(destination));
    return { path: destination, bytes: statSync(destination).size, summary };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Other sessions on a database: the app (or anything else) still has it open. */
async function sessionsOn(maintenance: pg.Client, database: string): Promise<number> {
  const { rows } = await maintenance.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
  return Number(rows[0]!.n);
}

/** How long a restore waits for sessions to end before refusing. */
const SESSIONS_GRACE_MS = 3_000;

/**
 * Sessions still open on `database` after a grace period. A backend leaves pg_stat_activity a
 * moment after its client hangs up, so an app stopped just before the restore is not taken as running.
 */
async function sessionsAfterGrace(maintenance: pg.Client, database: string): Promise<number> {
  const until = Date.now() + SESSIONS_GRACE_MS;
  for (;;) {
    const sessions = await sessionsOn(maintenance, database);
    if (sessions === 0 || Date.now() >= until) return sessions;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function databaseExists(maintenance: pg.Client, database: string): Promise<boolean> {
  return (await maintenance.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database])).rowCount === 1;
}

/**
 * Restores a `db:backup` dump over the database at `targetUrl`. The app must be stopped: a database
 * with other sessions is refused (before and, by PostgreSQL itself, at the swap). The target is
 * untouched unless the dump restored completely into a new database and holds a tracker.
 */
export async function restorePostgres(
  backupPath: string,
  targetUrl: string,
  options: { busyTimeoutMs?: number; onProgress?: (progress: RestoreProgress) => void } = {},
): Promise<RestoreResult> {
  const backup = path.resolve(backupPath);
  if (!existsSync(backup) || !statSync(backup).isFile()) throw new BackupError(`There is no backup file at ${backup}.`);
  if (startsWith(backup, SQLITE_MAGIC)) throw new BackupError(`${backup} is a SQLite backup; the database at ${describeDatabaseUrl(targetUrl)} is PostgreSQL.`);
  if (!isPostgresDump(backup)) throw new BackupError(`${backup} is not a PostgreSQL dump (pg_dump --format=custom, as npm run db:backup writes).`);
  const entries = await checkArchive(backup);

  const target = databaseName(targetUrl);
  const staging = `${target.slice(0, 30)}_restore_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const maintenance = await connect(maintenanceUrl(targetUrl));
  let stagingMade = false;
  try {
    const inUse = async () => {
      if (await sessionsAfterGrace(maintenance, target))
        throw new BackupError(`The database ${describeDatabaseUrl(targetUrl)} is in use (the app is running?): stop the app, then restore.`);
    };
    await inUse();
    await maintenance.query(`CREATE DATABASE ${quoteIdentifier(staging)} TEMPLATE template0 ENCODING 'UTF8'`);
    stagingMade = true;

    // One transaction: a dump that fails half-way leaves nothing behind (and the staging database is dropped).
    const total = entries.length;
    let done = 0;
    const restore = await runTool(
      "pg_restore",
      ["--verbose", "--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", `--dbname=${withDatabase(targetUrl, staging)}`, backup],
      (line) => {
        const step = line.match(/^pg_restore: (creating|processing data for table|executing) (.*)$/);
        if (!step) return;
        done = Math.min(total, done + 1);
        options.onProgress?.({ done, total, item: `${step[1]} ${step[2]}` });
      },
    );
    if (restore.code !== 0) throw new BackupError(`${backup} could not be restored (the target is untouched): ${toolError(restore)}`);

    const check = await connect(withDatabase(targetUrl, staging));
    let restored: DatabaseSummary;
    try {
      if (!(await hasTable(check, "_prisma_migrations"))) throw new BackupError(`${backup} is not a tracker database: it has no _prisma_migrations table.`);
      restored = await summarize(check);
    } finally {
      await check.end();
    }

    // The swap: both renames in one transaction; PostgreSQL refuses to rename a database in use.
    await inUse();
    const replaced = `${target.slice(0, 30)}_replaced_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const hadTarget = await databaseExists(maintenance, target);
    try {
      await maintenance.query("BEGIN");
      if (hadTarget) await maintenance.query(`ALTER DATABASE ${quoteIdentifier(target)} RENAME TO ${quoteIdentifier(replaced)}`);
      await maintenance.query(`ALTER DATABASE ${quoteIdentifier(staging)} RENAME TO ${quoteIdentifier(target)}`);
      await maintenance.query("COMMIT");
    } catch (error) {
      await maintenance.query("ROLLBACK").catch(() => undefined);
      if (/being accessed by other users/.test(String(error))) {
        throw new BackupError(`The database ${describeDatabaseUrl(targetUrl)} is in use (the app is running?): stop the app, then restore.`);
      }
      throw error;
    }
    stagingMade = false;
    if (hadTarget) await maintenance.query(`DROP DATABASE ${quoteIdentifier(replaced)} WITH (FORCE)`);

    const { applied, reindexed } = await prepareDatabase(targetUrl, options.busyTimeoutMs ?? 5_000, { seedWhenEmpty: false });
    const after = await connect(targetUrl);
    try {
      return { backupPath: backup, target: describeDatabaseUrl(targetUrl), restored, appliedMigrations: applied, reindexed, current: await summarize(after) };
    } finally {
      await after.end();
    }
  } finally {
    if (stagingMade) await maintenance.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(staging)} WITH (FORCE)`).catch(() => undefined);
    await maintenance.end().catch(() => undefined);
  }
}
