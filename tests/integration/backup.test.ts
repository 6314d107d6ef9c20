import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../seed/catalog";
import type { SessionUser } from "../../lib/auth/sessions";
import { backupDatabase, checkIntegrity, restoreDatabase } from "../../lib/db/backup";
import { createPrismaClient } from "../../lib/db/create-client";
import { applyMigrations, DEFAULT_PATHS } from "../../lib/db/schema-engine";
import { markVerified } from "../../lib/initiatives/mark-verified";
import { queryInitiatives } from "../../lib/initiatives/query-initiatives";
import * as steps from "../helpers/backup-steps";
import { runDir } from "../helpers/paths";
import { freshDatabase, onPostgres } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

/** What a database holds, read straight from the file (read-only). */
function fileState(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return {
      initiatives: count("Initiative"),
      history: count("HistoryEntry"),
      users: count("User"),
      latestHistoryId: (db.prepare(`SELECT max(id) AS id FROM "HistoryEntry"`).get() as { id: number }).id,
      notes: (db.prepare(`SELECT note FROM "HistoryEntry" ORDER BY id`).all() as { note: string }[]).map((row) => row.note),
    };
  } finally {
    db.close();
  }
}

/**
 * Per initiative: history versions run 1, 2, 3… without gaps, and the initiative's version is
 * its newest entry's version. A copy that caught a write half-way would break one or the other.
 */
function versionProblems(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const initiatives = db.prepare(`SELECT id, slug, version FROM "Initiative"`).all() as { id: number; slug: string; version: number }[];
    const problems: string[] = [];
    for (const initiative of initiatives) {
      const versions = (
        db.prepare(`SELECT version FROM "HistoryEntry" WHERE "initiativeId" = ? ORDER BY version`).all(initiative.id) as { version: number }[]
      ).map((row) => row.version);
      versions.forEach((version, index) => {
        if (version !== index + 1) problems.push(`${initiative.slug}: history version ${version} at position ${index + 1}`);
      });
      if (versions.at(-1) !== initiative.version) problems.push(`${initiative.slug}: version ${initiative.version}, newest entry ${versions.at(-1)}`);
    }
    return problems;
  } finally {
    db.close();
  }
}

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** The Next build folder the CLIs are told about: a scratch one, never the project's .next. */
const scratchDistDir = () => path.join(runDir(), `dist-${process.pid}`);

function companionsAndTemporaries(file: string): string[] {
  const base = path.basename(file);
  return readdirSync(path.dirname(file)).filter((name) => name !== base && name.includes(base) && !/-(wal|shm)$/.test(name));
}

// SQLite's files, pragmas and backup API (skipped, never collected against a file, on PostgreSQL).
const live = onPostgres ? { url: "file:unused", prisma: undefined as never } : await freshDatabase("backup-live", { seeded: true });

describe.skipIf(onPostgres)("online backup and restore", () => {
  const liveFile = live.url.replace(/^file:/, "");
  let prisma = live.prisma;
  let editor: SessionUser;
  let slugs: string[];
  const backupDir = () => path.join(runDir(), `backups-${process.pid}`);

  beforeAll(async () => {
    editor = await makeUser(prisma, "editor");
    slugs = (await prisma.initiative.findMany({ select: { slug: true }, orderBy: { id: "asc" }, take: 5 })).map((row) => row.slug);
  });
  afterAll(() => prisma.$disconnect());

  it("copies a consistent state while another client writes, and restores it over a changed database", async () => {
    const writer = steps.startWriter(prisma, editor, slugs, "during-backup");
    const backups = await steps.backupsUnderLoad(writer, 3, async (i) => {
      const result = await backupDatabase(live.url, path.join(backupDir(), `round-trip-${i}.db`));
      expect(result.bytes).toBe(statSync(result.path).size);
      expect(result.summary.initiatives).toBe(catalog.initiatives.length);
      return result.path;
    });
    const written = await writer.stop();
    expect(written).toBeGreaterThan(10);

    for (const file of backups) {
      expect(checkIntegrity(file)).toEqual({ ok: true, messages: ["ok"] });
      expect(versionProblems(file)).toEqual([]);
      // One self-contained file: no WAL next to it.
      const copy = new Database(file, { readonly: true });
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
      copy.close();
    }
    const backup = backups.at(-1)!;
    const saved = fileState(backup);
    expect(saved.history).toBeGreaterThan(catalog.initiatives.length);
    expect(fileState(liveFile).history).toBeGreaterThan(saved.history);

    await steps.changeAfterBackup(prisma, editor, slugs[0]!);
    await prisma.initiative.update({ where: { slug: "water-strategy-harmonisation" }, data: { titleEn: "Changed after the backup" } });
    expect(fileState(liveFile).notes).toContain("after the backup");

    // While a client has the database open (the app is running), restore refuses.
    const beforeRefusal = fileState(liveFile);
    await expect(restoreDatabase(backup, live.url)).rejects.toThrow(/in use.*stop the app/);
    expect(fileState(liveFile)).toEqual(beforeRefusal);

    await prisma.$disconnect();
    const result = await restoreDatabase(backup, live.url);
    expect(result.appliedMigrations).toEqual([]);
    expect(result.restored.historyEntries).toBe(saved.history);
    expect(result.restored.latestHistoryEntryId).toBe(saved.latestHistoryId);

    const restored = fileState(liveFile);
    expect(restored).toEqual(saved);
    expect(restored.notes).not.toContain("after the backup");
    expect(versionProblems(liveFile)).toEqual([]);
    expect(checkIntegrity(liveFile).ok).toBe(true);
    expect(companionsAndTemporaries(liveFile)).toEqual([]);

    prisma = createPrismaClient(live.url, 5_000);
    expect(await prisma.historyEntry.count()).toBe(saved.history);
    expect((await prisma.historyEntry.findFirstOrThrow({ orderBy: { id: "desc" } })).id).toBe(saved.latestHistoryId);
    const [mode] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
    const found = await queryInitiatives(prisma, { q: "водных" });
    expect(found.items.map((item) => item.slug)).toContain("water-strategy-harmonisation");
    // And the restored database takes writes again.
    const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug: slugs[1]! } });
    await markVerified(prisma, editor, { slug: slugs[1]!, version, correctsId: null, note: "after the restore" });
    expect(versionProblems(liveFile)).toEqual([]);
  }, 120_000);

  it("refuses a corrupted file, a file that is not a database, a missing file and a database without migrations, leaving the target untouched", async () => {
    const backup = (await backupDatabase(live.url, path.join(backupDir(), "for-refusals.db"))).path;
    await prisma.$disconnect(); // as when the app is stopped: the refusals must not depend on a lock
    const before = sha256(liveFile);

    const corrupted = path.join(backupDir(), "corrupted.db");
    const bytes = readFileSync(backup);
    const pageSize = bytes.readUInt16BE(16);
    // Garbage over pages 3 to 12 (tables and indexes), the header left intact.
    writeFileSync(corrupted, steps.scramble(bytes, pageSize * 2, pageSize * 12));
    expect(checkIntegrity(corrupted).ok).toBe(false);
    await expect(restoreDatabase(corrupted, live.url)).rejects.toThrow(/integrity check/);

    const text = path.join(backupDir(), "notes.txt");
    writeFileSync(text, "This is not a database.\n".repeat(200));
    await expect(restoreDatabase(text, live.url)).rejects.toThrow(/not a SQLite database/);

    await expect(restoreDatabase(path.join(backupDir(), "missing.db"), live.url)).rejects.toThrow(/no backup file/);

    const foreign = path.join(backupDir(), "foreign.db");
    const db = new Database(foreign);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hello');");
    db.close();
    await expect(restoreDatabase(foreign, live.url)).rejects.toThrow(/_prisma_migrations/);

    expect(sha256(liveFile)).toBe(before);
    expect(companionsAndTemporaries(liveFile)).toEqual([]);
    prisma = createPrismaClient(live.url, 5_000);
    expect(await prisma.initiative.count()).toBe(catalog.initiatives.length);
  }, 60_000);

  it("upgrades a backup from an older version with the pending migrations", async () => {
    const oldFile = path.join(backupDir(), "old-version.db");
    const migrations = await steps.withOlderMigrations(DEFAULT_PATHS, 2, (paths) => applyMigrations(`file:${oldFile}`, paths));
    expect(migrations.length).toBeGreaterThan(2);

    const target = path.join(backupDir(), "upgraded.db");
    const result = await restoreDatabase(oldFile, `file:${target}`);
    expect(result.restored.migrations.applied).toBe(2);
    expect(result.appliedMigrations).toEqual(migrations.slice(2));
    expect(result.current.migrations).toEqual({ applied: migrations.length, latest: migrations.at(-1) });
    expect(checkIntegrity(target).ok).toBe(true);
  }, 60_000);

  it("the backup CLI copies while another process writes; the restore CLI puts it back", async () => {
    const cliBackup = path.join(backupDir(), "cli.db");
    // Another process makes the copy while this one keeps writing.
    const writer = steps.startWriter(prisma, editor, slugs, "during-cli");
    const { code, output, written } = await steps.backupCliWhileWriting(writer, cliBackup, live.url, scratchDistDir());
    expect(written).toBeGreaterThan(0);
    expect(code, output).toBe(0);
    expect(output).toContain(cliBackup.replace(`${process.cwd()}/`, ""));
    expect(output).toMatch(/integrity_check: ok/);
    expect(output).toMatch(new RegExp(`initiatives: ${catalog.initiatives.length}\\b`));
    const saved = fileState(cliBackup);
    expect(output).toMatch(new RegExp(`history entries: ${saved.history}\\b`));
    expect(versionProblems(cliBackup)).toEqual([]);

    // Without a file name: ./data/backups/tracker-<UTC timestamp>.db under the working directory
    // (a scratch one here, not the project's own data folder).
    const cwd = mkdtempSync(path.join(runDir(), "cli-cwd-"));
    const byDefault = steps.backupCliByDefault(cwd, live.url);
    expect(byDefault.status, byDefault.stderr).toBe(0);
    const made = byDefault.made;
    expect(made).toEqual([expect.stringMatching(/^tracker-\d{8}T\d{6}Z\.db$/)]);
    expect(byDefault.stdout).toContain(path.join("data", "backups", made[0]!));
    expect(checkIntegrity(path.join(cwd, "data", "backups", made[0]!)).ok).toBe(true);

    // spawnSync, as an operator would run it; refuses to overwrite an existing file.
    const refused = steps.cliRefusals(cliBackup, live.url, scratchDistDir());
    expect(refused.stdout).toMatch(/must be stopped/);

    await prisma.$disconnect();
    // The app's data cache (lib/cache) outlives restarts on disk; a restore empties it.
    const restore = steps.restoreCli(cliBackup, live.url, scratchDistDir());
    expect(existsSync(path.join(scratchDistDir(), "cache"))).toBe(true);
    expect(restore.stdout).toMatch(new RegExp(`history entries: ${saved.history} \\(newest id ${saved.latestHistoryId}\\)`));
    expect(fileState(liveFile)).toEqual(saved);

    const garbage = path.join(backupDir(), "garbage.db");
    writeFileSync(garbage, "garbage");
    const rejected = steps.runCli("scripts/cli/db-restore.ts", [garbage], live.url, scratchDistDir());
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toMatch(/not a SQLite database/);
    expect(fileState(liveFile)).toEqual(saved);
    prisma = createPrismaClient(live.url, 5_000);
  }, 120_000);
});
