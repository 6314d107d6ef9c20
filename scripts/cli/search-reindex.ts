import { createPrismaClient } from "../../lib/db/create-client";
import { getEnv } from "../../lib/env";
import { rebuildSearchIndex } from "../../lib/search/search-index";
import { runCli } from "./run-cli";

runCli(async () => {
  const env = getEnv();
  const prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_BUSY_TIMEOUT_MS);
  try {
    const rows = await prisma.$transaction((tx) => rebuildSearchIndex(tx), { timeout: 600_000 });
    console.log(`Search index rebuilt: ${rows} rows.`);
  } finally {
    await prisma.$disconnect();
  }
});
