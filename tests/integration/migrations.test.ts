import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, createMigration, DEFAULT_PATHS, migrationPaths, readSchemaFiles } from "../../lib/db/schema-engine";
import type { DatabaseProvider } from "../../lib/db/provider";
import { createDatabase, createPostgresMigrationFactory, dropDatabase, withDatabase } from "../../lib/db/postgres-adapter";
import { freshDatabase, onPostgres } from "../helpers/test-database";

/** A copy of one provider's schema folder (the shared models file copied, not linked) and migrations. */
function copyOfProjectSchema(provider: DatabaseProvider = "sqlite") {
  const dir = mkdtempSync(path.join(tmpdir(), "tracker-schema-"));
  const source = migrationPaths(provider);
  const paths = { schemaDir: path.join(dir, "schema"), migrationsDir: path.join(dir, "migrations") };
  mkdirSync(paths.schemaDir);
  for (const file of readSchemaFiles(source)) writeFileSync(path.join(paths.schemaDir, path.basename(file.path)), file.content);
  cpSync(source.migrationsDir, paths.migrationsDir, { recursive: true });
  return { dir, paths };
}

const modelsFile = (paths: { schemaDir: string }) => path.join(paths.schemaDir, "models.prisma");

// The SQLite half; the PostgreSQL half is below (it runs in every run that has a server).
describe.skipIf(onPostgres)("migrations through the WebAssembly schema engine", () => {
  it("keeps Prisma's _prisma_migrations table with sha-256 checksums, WAL on", async () => {
    const { url } = await freshDatabase("migrations");
    const file = url.replace(/^file:/, "");
    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT migration_name, checksum, finished_at FROM _prisma_migrations").all() as {
      migration_name: string;
      checksum: string;
      finished_at: string | null;
    }[];
    const committed = readdirSync(DEFAULT_PATHS.migrationsDir)
      .filter((name) => name !== "migration_lock.toml")
      .sort();
    expect(rows.map((row) => row.migration_name).sort()).toEqual(committed);
    for (const row of rows) {
      const sql = readFileSync(path.join(DEFAULT_PATHS.migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("creates nothing when the schema matches the committed migrations", async () => {
    const { paths } = copyOfProjectSchema();
    expect(await createMigration("nothing", paths)).toBeNull();
    expect(readdirSync(paths.migrationsDir).filter((name) => name.endsWith("_nothing"))).toEqual([]);
  });

  it("creates the next migration from a schema change, and it applies", async () => {
    const { paths } = copyOfProjectSchema();
    writeFileSync(modelsFile(paths), `${readFileSync(modelsFile(paths), "utf8")}\nmodel Probe {\n  id Int @id\n}\n`);
    const created = await createMigration("add_probe", paths, new Date("2030-01-02T03:04:05Z"));
    expect(created?.directory.endsWith("20300102030405_add_probe")).toBe(true);
    expect(created?.sql).toMatch(/CREATE TABLE "Probe"/);
    const { url } = await freshDatabase("migrations-next");
    expect(await applyMigrations(url, paths)).toEqual(["20300102030405_add_probe"]);
  });
});

describe("one models file for every provider", () => {
  it("both schema folders read the same prisma/models.prisma", () => {
    const shared = readFileSync(path.join(process.cwd(), "prisma", "models.prisma"), "utf8");
    for (const provider of ["sqlite", "postgres"] as const) {
      const models = readSchemaFiles(migrationPaths(provider)).find((file) => file.path.endsWith("models.prisma"));
      expect(models?.content).toBe(shared);
    }
  });
});

// The PostgreSQL server of the test run (tests/run-all.sh starts one); without it these are skipped.
const postgresUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!postgresUrl)("PostgreSQL migrations never touch the main database's data", () => {
  async function mainDatabase() {
    const name = `tracker_main_${randomUUID().replace(/-/g, "")}`;
    await createDatabase(postgresUrl!, name);
    const url = withDatabase(postgresUrl!, name);
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('sentinel', 'real data', now())`);
    return { name, url, client };
  }

  async function snapshot(client: pg.Client) {
    const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    const settings = await client.query(`SELECT "key", "value" FROM "Setting" ORDER BY 1`);
    const migrations = await client.query(`SELECT migration_name, checksum FROM _prisma_migrations ORDER BY 1`);
    return { tables: tables.rows, settings: settings.rows, migrations: migrations.rows };
  }

  it("creating a migration replays the history in a scratch database, then drops it", async () => {
    const main = await mainDatabase();
    try {
      const before = await snapshot(main.client);
      const { paths } = copyOfProjectSchema("postgres");
      writeFileSync(modelsFile(paths), `${readFileSync(modelsFile(paths), "utf8")}\nmodel Probe {\n  id Int @id\n}\n`);
      // The server URL names the main database itself: the worst case.
      const created = await createMigration("add_probe", paths, new Date("2030-01-02T03:04:05Z"), { provider: "postgres", postgresUrl: main.url });
      expect(created?.sql).toMatch(/CREATE TABLE "Probe"/);
      expect(await snapshot(main.client)).toEqual(before);
      const leftovers = await main.client.query(
        `SELECT datname FROM pg_database WHERE datname LIKE 'tracker_migration_scratch_%' OR datname LIKE 'tracker_shadow_%'`,
      );
      expect(leftovers.rows).toEqual([]);
      // Applying it is the one intended write.
      expect(await applyMigrations(main.url, paths)).toEqual(["20300102030405_add_probe"]);
      expect((await snapshot(main.client)).settings).toEqual(before.settings);
    } finally {
      await main.client.end();
      await dropDatabase(postgresUrl!, main.name);
    }
    // The schema engine (WebAssembly) replays every migration twice: about 10 s alone, several times that on a busy machine.
  }, 120_000);

  it("the schema engine's shadow database is a database of its own, dropped afterwards", async () => {
    const main = await mainDatabase();
    try {
      const before = await snapshot(main.client);
      const shadow = await createPostgresMigrationFactory(main.url).connectToShadowDb();
      const [current] = (await shadow.queryRaw({ sql: "SELECT current_database() AS name", args: [], argTypes: [] })).rows;
      expect(current?.[0]).not.toBe(main.name);
      // plpgsql bodies contain semicolons: the script must reach the server whole.
      await shadow.executeScript(`CREATE TABLE "Setting" ("key" TEXT); CREATE FUNCTION probe() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;`);
      await shadow.dispose();
      expect(await snapshot(main.client)).toEqual(before);
      const gone = await main.client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [current?.[0]]);
      expect(gone.rowCount).toBe(0);
    } finally {
      await main.client.end();
      await dropDatabase(postgresUrl!, main.name);
    }
  });

  it('a diff against a live database reads catalog columns of type "char"', async () => {
    const main = await mainDatabase();
    try {
      const connection = await createPostgresMigrationFactory(main.url).connect();
      const result = await connection.queryRaw({ sql: `SELECT contype FROM pg_constraint LIMIT 1`, args: [], argTypes: [] });
      expect(typeof result.rows[0]?.[0]).toBe("string");
      await connection.dispose();
      const { paths } = copyOfProjectSchema("postgres");
      expect(await createMigration("nothing", paths, new Date(), { provider: "postgres", postgresUrl: main.url })).toBeNull();
    } finally {
      await main.client.end();
      await dropDatabase(postgresUrl!, main.name);
    }
  });
});
