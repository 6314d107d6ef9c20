import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import { rebuildSearchIndex, searchIndexIsMissing } from "../search/search-index";
import { createPrismaClient } from "./create-client";
import { applyMigrations } from "./schema-engine";

/**
 * Brings a database up to date: pending migrations, the seed when it is empty, and the
 * search index when an older database has content but no index yet.
 */
export async function prepareDatabase(url: string, busyTimeoutMs: number, options: { seedWhenEmpty: boolean }) {
  const applied = await applyMigrations(url);
  const prisma = createPrismaClient(url, busyTimeoutMs);
  try {
    let seeded = null;
    if (options.seedWhenEmpty && (await prisma.initiative.count()) === 0) seeded = await seedDatabase(prisma, catalog);
    let reindexed = false;
    if (await searchIndexIsMissing(prisma)) {
      await prisma.$transaction((tx) => rebuildSearchIndex(tx), { timeout: 600_000 });
      reindexed = true;
    }
    return { applied, seeded, reindexed };
  } finally {
    await prisma.$disconnect();
  }
}
