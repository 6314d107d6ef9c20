import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import { createPrismaClient } from "../../lib/db/create-client";
import { describeDatabaseUrl } from "../../lib/db/provider";
import { resetDatabase } from "../../lib/db/schema-engine";
import { getEnv } from "../../lib/env";
import { runCli } from "./run-cli";

runCli(async () => {
  const env = getEnv();
  const applied = await resetDatabase(env.DATABASE_URL);
  const prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_BUSY_TIMEOUT_MS);
  try {
    const summary = await seedDatabase(prisma, catalog);
    console.log(`Reset ${describeDatabaseUrl(env.DATABASE_URL)}: ${applied.length} migration(s) applied, ${summary.initiatives} initiatives seeded.`);
  } finally {
    await prisma.$disconnect();
  }
});
