import { closeSync, copyFileSync, constants, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BackupError, type BackupResult, type DatabaseSummary, type RestoreProgress, type RestoreResult } from "./backup-common";
import { databasePathFromUrl } from "./database-path";
import { backupPostgres, restorePostgres } from "./postgres-backup";
import { prepareDatabase } from "./prepare-database";
import { databaseProvider } from "./provider";

export { BackupError, type BackupResult, type DatabaseSummary, type RestoreProgress, type RestoreResult };

/**
 * Online backup and restore (docs/operations.md). PostgreSQL's, with pg_dump and pg_restore, is in
 * lib/db/postgres-backup.ts; this module chooses by the URL and holds SQLite's.
 *
 * On SQLite:
 *
 * A backup is made with SQLite's online backup API while the app keeps running: all pages are
 * copied in one step, inside one read transaction, so the copy is the database exactly as it
 * was at one commit (WAL readers never block the writer, nor the writer them). The copy is then
 * switched to a rollback journal, so it is one self-contained file, and checked with
 * `PRAGMA integrity_check` before it gets its final name.
 *
 * A restore needs the app stopped. It checks the backup, copies it next to the target, syncs it
 * to disk, removes the target's WAL, shared-memory and journal files and renames the copy over
 * the target (atomic on one filesystem), then applies pending migrations.
 */

export interface IntegrityResult {
  ok: boolean;
  /** "ok", or what SQLite found wrong (or why the file could not be read at all). */
  messages: string[];
}

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");
const COMPANIONS = ["-wal", "-shm", "-journal"];
/** Pages per backup step: more than any database has, so the copy is made in one read transaction. */
const ALL_PAGES = 0x7fffffff;
/** How long a restore waits for the target's lock before it concludes that the app is running. */
const IN_USE_TIMEOUT_MS = 250;

/** Whether a file starts with SQLite's 16-byte header. */
export function isSqliteFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `PRAGMA integrity_check` on a read-only connection; any failure to read the file counts as not ok. */
export function checkIntegrity(file: string): IntegrityResult {
  if (!existsSync(file)) return { ok: false, messages: ["the file does not exist"] };
  if (!isSqliteFile(file)) return { ok: false, messages: ["the file is not a SQLite database"] };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    const messages = rows.map((row) => row.integrity_check);
    return { ok: messages.length === 1 && messages[0] === "ok", messages };
  } catch (error) {
    return { ok: false, messages: [error instanceof Error ? error.message : String(error)] };
  } finally {
    db?.close();
  }
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

function count(db: Database.Database, table: string): number {
  if (!hasTable(db, table)) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

function summarize(db: Database.Database): DatabaseSummary {
  const latest = hasTable(db, "HistoryEntry") ? (db.prepare(`SELECT max(id) AS id FROM "HistoryEntry"`).get() as { id: number | null }).id : null;
  const migrations = hasTable(db, "_prisma_migrations")
    ? (db
        .prepare(
          `SELECT count(*) AS applied, max(migration_name) AS latest FROM "_prisma_migrations"
           WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .get() as { applied: number; latest: string | null })
    : { applied: 0, latest: null };
  return {
    initiatives: count(db, "Initiative"),
    historyEntries: count(db, "HistoryEntry"),
    latestHistoryEntryId: latest,
    users: count(db, "User"),
    migrations: { applied: migrations.applied, latest: migrations.latest },
  };
}

/** Counts and the newest history entry of a database file, read without writing anything. */
export function summarizeDatabaseFile(file: string): DatabaseSummary {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return summarize(db);
  } finally {
    db.close();
  }
}

function removeWithCompanions(file: string): void {
  for (const suffix of ["", ...COMPANIONS]) rmSync(file + suffix, { force: true });
}

function fsyncFile(file: string): void {
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable (where the platform allows syncing a directory). */
function fsyncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, "r");
    fsyncSync(fd);
  } catch {
    // Not supported everywhere (e.g. Windows); the rename itself has happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function temporaryNameNextTo(file: string, purpose: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${purpose}-${process.pid}-${Date.now()}.tmp`);
}

/**
 * Copies the live database at `sourceUrl` to `destinationPath` with the online backup API.
 * Safe while the app runs and writes. Refuses to overwrite an existing file; the copy only
 * gets its final name after it has passed `PRAGMA integrity_check`.
 */
export async function backupDatabase(sourceUrl: string, destinationPath: string): Promise<BackupResult> {
  if (databaseProvider(sourceUrl) === "postgres") return backupPostgres(sourceUrl, destinationPath);
  const source = databasePathFromUrl(sourceUrl);
  const destination = path.resolve(destinationPath);
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  if (source === destination) throw new BackupError("The backup cannot be written over the database itself.");
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; choose another file name.`);
  mkdirSync(path.dirname(destination), { recursive: true });

  const partial = temporaryNameNextTo(destination, "partial");
  try {
    // Read-only: a backup never writes to the live database.
    const live = new Database(source, { readonly: true, fileMustExist: true, timeout: 5_000 });
    try {
      await live.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      live.close();
    }
    // The copy carries the live file's WAL flag; make it one self-contained file.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    for (const suffix of COMPANIONS) rmSync(partial + suffix, { force: true });

    const integrity = checkIntegrity(partial);
    if (!integrity.ok) throw new BackupError(`The backup failed its integrity check and was deleted: ${integrity.messages.slice(0, 5).join("; ")}`);
    fsyncFile(partial);
    renameSync(partial, destination);
    fsyncDirectory(path.dirname(destination));
  } catch (error) {
    removeWithCompanions(partial);
    throw error;
  }
  return { path: destination, bytes: statSync(destination).size, summary: summarizeDatabaseFile(destination) };
}

/**
 * Refuses when another connection has the database open (the app is running): in WAL mode an
 * open connection keeps a shared lock on the file, so an exclusive lock cannot be had. While it
 * holds the lock it checkpoints, so the old database is whole in its main file until it is
 * replaced. Best effort: an app started but not yet asked anything holds no lock.
 */
function assertNotInUse(target: string): void {
  if (!existsSync(target) || !isSqliteFile(target)) return;
  let db: Database.Database | undefined;
  try {
    db = new Database(target, { fileMustExist: true, timeout: IN_USE_TIMEOUT_MS });
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    db.exec("COMMIT");
    db.pragma("wal_checkpoint(TRUNCATE)");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      throw new BackupError(`The database ${target} is in use (the app is running?): stop the app, then restore.`);
    }
    // A damaged target is about to be replaced anyway.
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database at `targetUrl` with the backup at `backupPath`. The app must be stopped.
 * Refuses, leaving the target untouched, unless the backup exists, is a SQLite database, passes
 * `PRAGMA integrity_check` and has Prisma's `_prisma_migrations` table. Afterwards applies
 * pending migrations and rebuilds the search index when it is missing.
 */
export async function restoreDatabase(
  backupPath: string,
  targetUrl: string,
  options: { busyTimeoutMs?: number; onProgress?: (progress: RestoreProgress) => void } = {},
): Promise<RestoreResult> {
  if (databaseProvider(targetUrl) === "postgres") return restorePostgres(backupPath, targetUrl, options);
  const backup = path.resolve(backupPath);
  const target = databasePathFromUrl(targetUrl);
  if (!existsSync(backup) || !statSync(backup).isFile()) throw new BackupError(`There is no backup file at ${backup}.`);
  if (backup === target) throw new BackupError("The backup is the database itself.");
  if (!isSqliteFile(backup)) throw new BackupError(`${backup} is not a SQLite database.`);
  mkdirSync(path.dirname(target), { recursive: true });

  // Check the very bytes that will be installed: a copy next to the target (same filesystem,
  // so the final rename is atomic). The backup file itself is never opened for writing.
  const staged = temporaryNameNextTo(target, "restore");
  let restored: DatabaseSummary;
  try {
    copyFileSync(backup, staged, constants.COPYFILE_EXCL);
    const integrity = checkIntegrity(staged);
    if (!integrity.ok) throw new BackupError(`${backup} failed the integrity check: ${integrity.messages.slice(0, 5).join("; ")}`);
    const db = new Database(staged, { readonly: true, fileMustExist: true });
    try {
      if (!hasTable(db, "_prisma_migrations")) throw new BackupError(`${backup} is not a tracker database: it has no _prisma_migrations table.`);
      restored = summarize(db);
    } finally {
      db.close();
    }
    // A read-only connection to a WAL-flagged file leaves empty companions behind.
    for (const suffix of COMPANIONS) rmSync(staged + suffix, { force: true });
    fsyncFile(staged);

    assertNotInUse(target);
    for (const suffix of COMPANIONS) rmSync(target + suffix, { force: true });
    renameSync(staged, target);
    fsyncDirectory(path.dirname(target));
  } catch (error) {
    removeWithCompanions(staged);
    throw error;
  }

  const url = `file:${target}`;
  const { applied, reindexed } = await prepareDatabase(url, options.busyTimeoutMs ?? 5_000, { seedWhenEmpty: false });
  return { backupPath: backup, target, restored, appliedMigrations: applied, reindexed, current: summarizeDatabaseFile(target) };
}

/** `tracker-20261121T055832Z.db` (PostgreSQL: `.dump`): the default backup file name, in UTC. */
export function defaultBackupName(now = new Date(), provider: "sqlite" | "postgres" = "sqlite"): string {
  return `tracker-${now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z")}.${provider === "postgres" ? "dump" : "db"}`;
}

/** "1.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
