import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import type { SessionUser } from "../../lib/auth/sessions";
import { backupDatabase, restoreDatabase, type RestoreProgress } from "../../lib/db/backup";
import { createPrismaClient } from "../../lib/db/create-client";
import { createDatabase, databaseName, withDatabase } from "../../lib/db/postgres-adapter";
import { postgresToolsDir } from "../../lib/db/postgres-backup";
import { applyMigrations, migrationPaths } from "../../lib/db/schema-engine";
import { markVerified } from "../../lib/initiatives/mark-verified";
import { queryInitiatives } from "../../lib/initiatives/query-initiatives";
import * as steps from "../helpers/backup-steps";
import { runDir } from "../helpers/paths";
import { freshDatabase, onPostgres } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

/** What a database holds, read with a connection of its own (closed again, so a restore may follow). */
async function state(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const count = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    return {
      initiatives: await count("Initiative"),
      history: await count("HistoryEntry"),
      users: await count("User"),
      latestHistoryId: Number((await client.query(`SELECT max(id) AS id FROM "HistoryEntry"`)).rows[0].id),
      notes: (await client.query<{ note: string }>(`SELECT note FROM "HistoryEntry" ORDER BY id`)).rows.map((row) => row.note),
    };
  } finally {
    await client.end();
  }
}

/** Per initiative: history versions 1, 2, 3… without gaps, the newest equal to the initiative's version. */
async function versionProblems(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string; version: number; versions: number[] }>(
      `SELECT i.slug, i.version, array_agg(h.version ORDER BY h.version) AS versions
       FROM "Initiative" i JOIN "HistoryEntry" h ON h."initiativeId" = i.id GROUP BY i.id`,
    );
    const problems: string[] = [];
    for (const row of rows) {
      row.versions.forEach((version, index) => {
        if (version !== index + 1) problems.push(`${row.slug}: history version ${version} at position ${index + 1}`);
      });
      if (row.versions.at(-1) !== row.version) problems.push(`${row.slug}: version ${row.version}, newest entry ${row.versions.at(-1)}`);
    }
    return problems;
  } finally {
    await client.end();
  }
}

const scratchDistDir = () => path.join(runDir(), `dist-pg-${process.pid}`);

/** A restore's staging or replaced databases left on the server. */
async function leftovers(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    const name = databaseName(url);
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname ~ '_(restore|replaced)_[0-9a-f]{12}$'`,
      [name.slice(0, 30)],
    );
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

// pg_dump and pg_restore against the real test server (the SQLite half is backup.test.ts).
const live = onPostgres ? await freshDatabase("backup-pg") : { url: "postgresql://unused/unused", prisma: undefined as never };

describe.runIf(onPostgres)("PostgreSQL backup and restore with pg_dump / pg_restore", () => {
  let prisma = live.prisma;
  let editor: SessionUser;
  let slugs: string[];
  const backupDir = () => path.join(runDir(), `pg-backups-${process.pid}`);

  beforeAll(async () => {
    await seedDatabase(prisma, catalog);
    editor = await makeUser(prisma, "editor");
    slugs = (await prisma.initiative.findMany({ select: { slug: true }, orderBy: { id: "asc" }, take: 5 })).map((row) => row.slug);
  });
  afterAll(() => prisma.$disconnect());

  it("dumps one consistent state while another client writes, and restores it over a changed database, with progress", async () => {
    const writer = steps.startWriter(prisma, editor, slugs, "during-backup");
    const backups = await steps.backupsUnderLoad(writer, 3, async (i) => {
      const result = await backupDatabase(live.url, path.join(backupDir(), `round-trip-${i}.dump`));
      expect(readFileSync(result.path).subarray(0, 5).toString("latin1")).toBe("PGDMP");
      expect(result.summary.initiatives).toBe(catalog.initiatives.length);
      return { path: result.path, history: result.summary.historyEntries };
    });
    expect(await writer.stop()).toBeGreaterThan(10);
    const { path: backup, history: summarised } = backups.at(-1)!;
    expect(readdirSync(backupDir()).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    await steps.changeAfterBackup(prisma, editor, slugs[0]!);
    expect((await state(live.url)).notes).toContain("after the backup");

    // While the app (here: this client) has the database open, restore refuses and changes nothing.
    const beforeRefusal = await state(live.url);
    await expect(restoreDatabase(backup, live.url)).rejects.toThrow(/in use.*stop the app/);
    await prisma.$disconnect();
    expect(await state(live.url)).toEqual(beforeRefusal);
    expect(await leftovers(live.url)).toEqual([]);

    const progress: RestoreProgress[] = [];
    const result = await restoreDatabase(backup, live.url, { onProgress: (step) => progress.push(step) });
    expect(progress.length).toBeGreaterThan(20);
    expect(progress.map((step) => step.done)).toEqual([...progress.map((step) => step.done)].sort((a, b) => a - b));
    expect(progress.some((step) => step.item === `processing data for table "public.HistoryEntry"`)).toBe(true);
    expect(result.appliedMigrations).toEqual([]);
    // The summary was counted in the dump's own snapshot: it is what came back.
    expect(result.restored.historyEntries).toBe(summarised);
    const restored = await state(live.url);
    expect(restored.history).toBe(summarised);
    expect(restored.notes).not.toContain("after the backup");
    expect(restored.users).toBe(beforeRefusal.users - 1);
    // Taken in the middle of the writes, yet every initiative's history chains to its version.
    expect(await versionProblems(live.url)).toEqual([]);
    expect(await leftovers(live.url)).toEqual([]);

    prisma = createPrismaClient(live.url, 5_000);
    // The search index (a generated tsvector column) and the append-only triggers came back too.
    expect((await queryInitiatives(prisma, { q: "водных" })).items.map((item) => item.slug)).toContain("water-strategy-harmonisation");
    await expect(prisma.$executeRawUnsafe(`UPDATE "HistoryEntry" SET note = 'rewritten' WHERE id = 1`)).rejects.toThrow(/append-only/);
    const { version } = await prisma.initiative.findUniqueOrThrow({ where: { slug: slugs[1]! } });
    await markVerified(prisma, editor, { slug: slugs[1]!, version, correctsId: null, note: "after the restore" });
    expect(await versionProblems(live.url)).toEqual([]);
  }, 120_000);

  it("refuses a damaged dump, a text file, a SQLite file, a missing file and a dump of another database, leaving the target untouched", async () => {
    const backup = (await backupDatabase(live.url, path.join(backupDir(), "for-refusals.dump"))).path;
    await prisma.$disconnect();
    const before = await state(live.url);

    const bytes = readFileSync(backup);
    const truncated = path.join(backupDir(), "truncated.dump");
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(restoreDatabase(truncated, live.url)).rejects.toThrow(/truncated\.dump (failed its check|is not a readable pg_dump archive)/);

    // 64 bytes of garbage in the data near the end: the table of contents still reads, a block does not inflate.
    const damaged = path.join(backupDir(), "damaged.dump");
    const at = Math.floor(bytes.length * 0.9);
    writeFileSync(damaged, steps.scramble(bytes, at, at + 64));
    await expect(restoreDatabase(damaged, live.url)).rejects.toThrow(/damaged\.dump failed its check \(not every block could be read\)/);

    const text = path.join(backupDir(), "notes.txt");
    writeFileSync(text, "This is not a dump.\n".repeat(200));
    await expect(restoreDatabase(text, live.url)).rejects.toThrow(/not a PostgreSQL dump/);

    const sqlite = path.join(backupDir(), "sqlite.db");
    const db = new Database(sqlite);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
    db.close();
    await expect(restoreDatabase(sqlite, live.url)).rejects.toThrow(/is a SQLite backup/);

    await expect(restoreDatabase(path.join(backupDir(), "missing.dump"), live.url)).rejects.toThrow(/no backup file/);

    const otherUrl = withDatabase(live.url, `${databaseName(live.url).slice(0, 40)}_other`);
    await createDatabase(live.url, databaseName(otherUrl));
    const other = new pg.Client({ connectionString: otherUrl });
    await other.connect();
    await other.query(`CREATE TABLE notes (id serial PRIMARY KEY, text text); INSERT INTO notes (text) VALUES ('hello')`);
    await other.end();
    const foreign = path.join(backupDir(), "foreign.dump");
    const dumped = spawnSync(path.join(postgresToolsDir(), "pg_dump"), ["--format=custom", `--file=${foreign}`, `--dbname=${otherUrl}`], { encoding: "utf8" });
    expect(dumped.status, dumped.stderr).toBe(0);
    await expect(restoreDatabase(foreign, live.url)).rejects.toThrow(/not a tracker database.*_prisma_migrations/);
    // And db:backup refuses to dump a database that is not the tracker's.
    await expect(backupDatabase(otherUrl, path.join(backupDir(), "other.dump"))).rejects.toThrow(/not a tracker database/);
    expect(existsSync(path.join(backupDir(), "other.dump"))).toBe(false);

    expect(await state(live.url)).toEqual(before);
    expect(await leftovers(live.url)).toEqual([]);
    prisma = createPrismaClient(live.url, 5_000);
  }, 120_000);

  it("upgrades a dump from an older version with the pending migrations", async () => {
    const oldUrl = withDatabase(live.url, `${databaseName(live.url).slice(0, 40)}_old`);
    await createDatabase(live.url, databaseName(oldUrl));
    const migrations = await steps.withOlderMigrations(migrationPaths("postgres"), 2, (paths) => applyMigrations(oldUrl, paths));
    expect(migrations.length).toBeGreaterThan(2);
    const dump = await backupDatabase(oldUrl, path.join(backupDir(), "old-version.dump"));
    expect(dump.summary.migrations.applied).toBe(2);

    const targetUrl = withDatabase(live.url, `${databaseName(live.url).slice(0, 40)}_upgraded`);
    const result = await restoreDatabase(dump.path, targetUrl);
    expect(result.restored.migrations.applied).toBe(2);
    expect(result.appliedMigrations).toEqual(migrations.slice(2));
    expect(result.current.migrations).toEqual({ applied: migrations.length, latest: migrations.at(-1) });
  }, 120_000);

  it("waits for sessions that end within seconds (an app just stopped) instead of refusing the restore", async () => {
    const dump = await backupDatabase(live.url, path.join(backupDir(), "grace.dump"));
    const targetUrl = withDatabase(live.url, `${databaseName(live.url).slice(0, 40)}_grace`);
    await restoreDatabase(dump.path, targetUrl);
    const lingering = new pg.Client({ connectionString: targetUrl });
    await lingering.connect();
    const hangUp = new Promise((resolve) => setTimeout(resolve, 500)).then(() => lingering.end());
    const started = Date.now();
    const result = await restoreDatabase(dump.path, targetUrl);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(result.current.initiatives).toBe(catalog.initiatives.length);
    await hangUp;
  }, 60_000);

  it("the backup CLI dumps while another process writes; the restore CLI shows its progress and puts it back", async () => {
    const cliBackup = path.join(backupDir(), "cli.dump");
    const writer = steps.startWriter(prisma, editor, slugs, "during-cli");
    const { code, output, written } = await steps.backupCliWhileWriting(writer, cliBackup, live.url, scratchDistDir());
    expect(written).toBeGreaterThan(0);
    expect(code, output).toBe(0);
    expect(output).toMatch(/pg_dump archive: ok/);
    expect(output).toMatch(new RegExp(`initiatives: ${catalog.initiatives.length}\\b`));
    const history = Number(output.match(/history entries: (\d+)/)![1]);

    // Without a file name: ./data/backups/tracker-<UTC timestamp>.dump under the working directory.
    const cwd = mkdtempSync(path.join(runDir(), "pg-cli-cwd-"));
    const byDefault = steps.backupCliByDefault(cwd, live.url);
    expect(byDefault.status, byDefault.stderr).toBe(0);
    expect(byDefault.made).toEqual([expect.stringMatching(/^tracker-\d{8}T\d{6}Z\.dump$/)]);

    steps.cliRefusals(cliBackup, live.url, scratchDistDir());

    await prisma.$disconnect();
    const restore = steps.restoreCli(cliBackup, live.url, scratchDistDir());
    expect(restore.stdout).toMatch(/restoring: +\d+% of \d+ items, [\d.]+ s: /);
    expect(restore.stdout).toMatch(new RegExp(`history entries: ${history} \\(newest id \\d+\\)`));
    expect((await state(live.url)).history).toBe(history);
    prisma = createPrismaClient(live.url, 5_000);
  }, 120_000);
});
