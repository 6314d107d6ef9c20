import { prepareDatabase } from "../../lib/db/prepare-database";
import { getEnv } from "../../lib/env";
import { runCli } from "./run-cli";

runCli(async () => {
  const { DATABASE_URL, DATABASE_BUSY_TIMEOUT_MS } = getEnv();
  const { applied, reindexed } = await prepareDatabase(DATABASE_URL, DATABASE_BUSY_TIMEOUT_MS, { seedWhenEmpty: false });
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
  if (reindexed) console.log("Built the search index.");
});
