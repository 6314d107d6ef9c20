import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { formatBytes, restoreDatabase } from "../../lib/db/backup";
import { describeDatabaseUrl } from "../../lib/db/provider";
import { getEnv } from "../../lib/env";
import { timeLeft } from "./progress";
import { runCli } from "./run-cli";

const USAGE = "Usage: npm run db:restore -- <backup file>\nStop the app first: a restore replaces the database under it.";

/**
 * `npm run db:restore -- <file>`: replaces the database at DATABASE_URL with a backup made by
 * `npm run db:backup` (on PostgreSQL a pg_dump archive, restored with progress), then applies
 * pending migrations. The app must be stopped; the command
 * refuses when it finds the database in use. Afterwards it empties the app's data cache
 * (`<NEXT_DIST_DIR or .next>/cache/fetch-cache`, lib/cache): Next keeps it on disk across
 * restarts, and it would otherwise show the pre-restore data until the next edit.
 */
runCli(async () => {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith("-")) throw new Error(USAGE);
  const { DATABASE_URL, DATABASE_BUSY_TIMEOUT_MS } = getEnv();
  console.log(`Restoring ${args[0]} over ${describeDatabaseUrl(DATABASE_URL)}. The app must be stopped during a restore.`);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  let lastStep = -1;
  let lastAt = 0;
  const result = await restoreDatabase(args[0]!, DATABASE_URL, {
    busyTimeoutMs: DATABASE_BUSY_TIMEOUT_MS,
    // A line every tenth of the dump's items, or every 2 s during a long one (a big table or index);
    // the estimate goes by items, so a big table's data makes it rough.
    onProgress: ({ done, total, item }) => {
      const step = Math.floor((10 * done) / total);
      if (step === lastStep && Date.now() - lastAt < 2_000) return;
      lastStep = step;
      lastAt = Date.now();
      const left = timeLeft(done, total, (Date.now() - started) / 1000);
      console.log(`  restoring: ${String(Math.round((100 * done) / total)).padStart(3)}% of ${total} items, ${elapsed()}: ${item}${left ? ` (${left})` : ""}`);
    },
  });
  const { restored, current } = result;
  console.log(`Restored ${result.backupPath} (${formatBytes(statSync(result.backupPath).size)}) to ${result.target} in ${elapsed()}`);
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
