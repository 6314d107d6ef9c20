import { spawnSync } from "node:child_process";
import path from "node:path";
import { onServer } from "../../lib/db/postgres-adapter";
import { describeDatabaseUrl } from "../../lib/db/provider";
import { createMigration, migrationPaths, PROVIDERS } from "../../lib/db/schema-engine";
import { runCli } from "./run-cli";

const USAGE = `Usage: npm run db:migration -- <name> [--empty]
  Creates the migration for every provider in one go, with the same name:
  prisma/sqlite/migrations/<timestamp>_<name> and prisma/postgres/migrations/<timestamp>_<name>.
  <name>: lowercase letters, digits and underscores.
  --empty: empty migrations to write by hand in each dialect (triggers, full-text index).
  PostgreSQL needs a server to replay the migrations on (in a scratch database it drops afterwards;
  nothing else on the server is touched): MIGRATION_POSTGRES_URL, default the test server
  postgresql://postgres@127.0.0.1:55432/postgres, started with tests/servers/start-postgres.sh when down.`;

const TEST_SERVER = "postgresql://postgres@127.0.0.1:55432/postgres";

async function reachable(url: string): Promise<boolean> {
  try {
    await onServer(url, (client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

async function postgresServer(): Promise<string> {
  const url = process.env.MIGRATION_POSTGRES_URL ?? TEST_SERVER;
  if (await reachable(url)) return url;
  if (url === TEST_SERVER) spawnSync("bash", [path.join("tests", "servers", "start-postgres.sh")], { stdio: "inherit" });
  if (await reachable(url)) return url;
  throw new Error(`No PostgreSQL server at ${describeDatabaseUrl(url)}: start one (tests/servers/start-postgres.sh) or set MIGRATION_POSTGRES_URL.`);
}

runCli(async () => {
  const args = process.argv.slice(2);
  const empty = args.includes("--empty");
  const name = args.find((arg) => !arg.startsWith("--"));
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error(USAGE);
  const now = new Date();
  const postgresUrl = await postgresServer();
  const created: string[] = [];
  for (const provider of PROVIDERS) {
    const migration = await createMigration(name, migrationPaths(provider), now, { empty, provider, postgresUrl });
    if (migration) created.push(`${path.relative(process.cwd(), migration.directory)}/migration.sql`);
  }
  if (created.length === 0) {
    console.error("The schema matches the migrations of every provider: nothing to create.");
    process.exitCode = 1;
    return;
  }
  for (const file of created) console.log(`Created ${file}`);
  if (created.length < PROVIDERS.length) console.log("(The other provider's migrations already matched the schema.)");
});
