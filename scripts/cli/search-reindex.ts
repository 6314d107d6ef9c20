import { createPrismaClient } from "../../lib/db/create-client";
import { getEnv } from "../../lib/env";
import { rebuildSearchIndex } from "../../lib/search/search-index";
import { progress } from "./progress";
import { runCli } from "./run-cli";

runCli(async () => {
  const env = getEnv();
  const prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_BUSY_TIMEOUT_MS);
  try {
    let report: ((done: number) => void) | undefined;
    const rows = await prisma.$transaction(
      (tx) =>
        rebuildSearchIndex(tx, (done, total) => {
          report ??= progress("Indexed documents", total);
          report(done);
        }),
      { timeout: 600_000 },
    );
    console.log(`Search index rebuilt: ${rows} rows.`);
  } finally {
    await prisma.$disconnect();
  }
});
