import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "../../lib/db/create-client";
import { createDatabase, dropDatabase, onServer, withDatabase } from "../../lib/db/postgres-adapter";
import { applyMigrations } from "../../lib/db/schema-engine";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import { TMP_DIR } from "../helpers/paths";

/** Seeds a database once, for every file that wants the seed to copy instead of seeding again. */
async function seedTemplate(url: string): Promise<void> {
  const prisma = createPrismaClient(url, 5_000);
  try {
    await seedDatabase(prisma, catalog);
    // SQLite: one file, nothing left in the WAL, so a plain copy of it is the whole database.
    if (url.startsWith("file:")) await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Builds, once per run and per engine, the two templates test databases are made from: migrated,
 * and migrated and seeded (seeding once here instead of in every file saves a seed and its quote
 * checks per file). SQLite: files in a folder of this run's own; PostgreSQL: template databases
 * named after this run, dropped with every copy at the end.
 */
export default async function globalSetup(project: TestProject) {
  const runId = `${process.pid}_${Date.now()}`;
  const runDir = path.join(TMP_DIR, `run-${runId}`);
  mkdirSync(runDir, { recursive: true });
  project.provide("runDir", runDir);
  if (process.env.TEST_DATABASE_PROVIDER === "postgres") {
    const server = process.env.TEST_POSTGRES_URL;
    if (!server) throw new Error("TEST_DATABASE_PROVIDER=postgres needs TEST_POSTGRES_URL (tests/servers/start-postgres.sh starts a server).");
    const prefix = `tracker_t${runId}`;
    const template = `${prefix}_template`;
    const seeded = `${prefix}_seeded`;
    await createDatabase(server, template);
    await applyMigrations(withDatabase(server, template));
    await createDatabase(server, seeded, template);
    await seedTemplate(withDatabase(server, seeded));
    project.provide("postgresPrefix", prefix);
    project.provide("postgresTemplate", template);
    project.provide("postgresSeededTemplate", seeded);
    return async () => {
      const { rows } = await onServer(server, (client) =>
        client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`]),
      );
      for (const row of rows) await dropDatabase(server, row.datname);
      rmSync(runDir, { recursive: true, force: true });
    };
  }
  const template = path.join(runDir, "template.db");
  const seeded = path.join(runDir, "seeded.db");
  await applyMigrations(`file:${template}`);
  copyFileSync(template, seeded);
  await seedTemplate(`file:${seeded}`);
  return () => rmSync(runDir, { recursive: true, force: true });
}
