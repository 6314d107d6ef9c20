import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { formatBytes, restoreDatabase } from "../../lib/db/backup";
import { getEnv } from "../../lib/env";
import { runCli } from "./run-cli";

const USAGE = "Usage: npm run db:restore -- <backup file>\nStop the app first: a restore replaces the database file under it.";

/**
 * `npm run db:restore -- <file>`: replaces the database at DATABASE_URL with a backup made by
 * `npm run db:backup`, then applies pending migrations. The app must be stopped; the command
 * refuses when it finds the database in use. Afterwards it empties the app's data cache
 * (`<NEXT_DIST_DIR or .next>/cache/fetch-cache`, lib/cache): Next keeps it on disk across
 * restarts, and it would otherwise show the pre-restore data until the next edit.
 */
runCli(async () => {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith("-")) throw new Error(USAGE);
  const { DATABASE_URL, DATABASE_BUSY_TIMEOUT_MS } = getEnv();
  console.log(`Restoring ${args[0]} over ${DATABASE_URL}. The app must be stopped during a restore.`);
  const result = await restoreDatabase(args[0]!, DATABASE_URL, { busyTimeoutMs: DATABASE_BUSY_TIMEOUT_MS });
  const { restored, current } = result;
  console.log(`Restored ${result.backupPath} (${formatBytes(statSync(result.backupPath).size)}) to ${result.targetPath}`);
  console.log(`  initiatives: ${restored.initiatives}`);
  console.log(`  history entries: ${restored.historyEntries} (newest id ${restored.latestHistoryEntryId ?? "none"})`);
  console.log(`  users: ${restored.users}`);
  console.log(`  migrations in the backup: ${restored.migrations.applied} (latest ${restored.migrations.latest ?? "none"})`);
  console.log(
    result.appliedMigrations.length
      ? `  applied since: ${result.appliedMigrations.join(", ")} (now ${current.migrations.applied}, latest ${current.migrations.latest})`
      : "  no pending migrations",
  );
  if (result.reindexed) console.log("  rebuilt the search index");
  const dataCache = path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "cache", "fetch-cache");
  if (existsSync(dataCache)) {
    rmSync(dataCache, { recursive: true, force: true });
    console.log(`  emptied the app's data cache (${path.relative(process.cwd(), dataCache) || dataCache})`);
  }
  console.log("You can start the app again.");
});
