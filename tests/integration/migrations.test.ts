import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyMigrations, createMigration, DEFAULT_PATHS } from "../../lib/db/schema-engine";
import { freshDatabase } from "../helpers/test-database";

function copyOfProjectSchema() {
  const dir = mkdtempSync(path.join(tmpdir(), "tracker-schema-"));
  const paths = { schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
  cpSync(DEFAULT_PATHS.schemaPath, paths.schemaPath);
  cpSync(DEFAULT_PATHS.migrationsDir, paths.migrationsDir, { recursive: true });
  return { dir, paths };
}

describe("migrations through the WebAssembly schema engine", () => {
  it("keeps Prisma's _prisma_migrations table with sha-256 checksums, WAL on", async () => {
    const { url } = freshDatabase("migrations");
    const file = url.replace(/^file:/, "");
    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT migration_name, checksum, finished_at FROM _prisma_migrations").all() as {
      migration_name: string;
      checksum: string;
      finished_at: string | null;
    }[];
    const committed = readdirSync(DEFAULT_PATHS.migrationsDir).filter((name) => name !== "migration_lock.toml").sort();
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
    writeFileSync(paths.schemaPath, `${readFileSync(paths.schemaPath, "utf8")}\nmodel Probe {\n  id Int @id\n}\n`);
    const created = await createMigration("add_probe", paths, new Date("2030-01-02T03:04:05Z"));
    expect(created?.directory.endsWith("20300102030405_add_probe")).toBe(true);
    expect(created?.sql).toMatch(/CREATE TABLE "Probe"/);
    const { url } = freshDatabase("migrations-next");
    expect(await applyMigrations(url, paths)).toEqual(["20300102030405_add_probe"]);
  });
});
