import path from "node:path";
import { createMigration } from "../../lib/db/schema-engine";
import { runCli } from "./run-cli";

runCli(async () => {
  const args = process.argv.slice(2);
  const empty = args.includes("--empty");
  const name = args.find((arg) => !arg.startsWith("--"));
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("Usage: npm run db:migration -- <name> [--empty]  (lowercase letters, digits and underscores;\n--empty creates a migration to write by hand, e.g. for triggers or the full-text index)");
  }
  const created = await createMigration(name, undefined, undefined, { empty });
  if (!created) {
    console.error("The schema matches the migrations: nothing to create.");
    process.exitCode = 1;
    return;
  }
  console.log(`Created ${path.relative(process.cwd(), created.directory)}/migration.sql`);
});
