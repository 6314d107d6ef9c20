import { getEnv } from "../env";
import { applyMigrations } from "../db/schema-engine";
import { runCli } from "./run-cli";

runCli(async () => {
  const { DATABASE_URL } = getEnv();
  const applied = await applyMigrations(DATABASE_URL);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
});
