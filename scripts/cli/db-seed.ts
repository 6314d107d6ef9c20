import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import { createPrismaClient } from "../../lib/db/create-client";
import { getEnv } from "../../lib/env";
import { runCli } from "./run-cli";

runCli(async () => {
  const env = getEnv();
  const prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_BUSY_TIMEOUT_MS);
  try {
    const summary = await seedDatabase(prisma, catalog);
    console.log(`Seeded ${summary.initiatives} initiatives with ${summary.quotes} verified quotes (${summary.created} rows created).`);
  } finally {
    await prisma.$disconnect();
  }
});
