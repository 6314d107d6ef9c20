import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "../../lib/db/create-client";
import { applyMigrations } from "../../lib/db/schema-engine";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import { TMP_DIR } from "../helpers/paths";

/**
 * Builds, once per run and in a folder of this run's own, the two templates test databases are
 * copied from: migrated (template.db) and migrated and seeded (seeded.db). Seeding once here
 * instead of in every file saves a seed (and its quote checks) per file.
 */
export default async function globalSetup(project: TestProject) {
  const runDir = path.join(TMP_DIR, `run-${process.pid}-${Date.now()}`);
  mkdirSync(runDir, { recursive: true });
  const template = path.join(runDir, "template.db");
  const seeded = path.join(runDir, "seeded.db");
  await applyMigrations(`file:${template}`);
  copyFileSync(template, seeded);
  const prisma = createPrismaClient(`file:${seeded}`, 5_000);
  try {
    await seedDatabase(prisma, catalog);
    // One file, nothing in the WAL: a plain copy of it is the whole database.
    await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await prisma.$disconnect();
  }
  project.provide("runDir", runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
