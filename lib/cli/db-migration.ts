import path from "node:path";
import { createMigration } from "../db/schema-engine";
import { runCli } from "./run-cli";

runCli(async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("Usage: npm run db:migration -- <name>  (lowercase letters, digits and underscores)");
  }
  const created = await createMigration(name);
  if (!created) {
    console.error("The schema matches the migrations: nothing to create.");
    process.exitCode = 1;
    return;
  }
  console.log(`Created ${path.relative(process.cwd(), created.directory)}/migration.sql`);
});
