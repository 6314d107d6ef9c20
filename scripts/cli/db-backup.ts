import path from "node:path";
import { backupDatabase, defaultBackupName, formatBytes } from "../../lib/db/backup";
import { databaseProvider, describeDatabaseUrl } from "../../lib/db/provider";
import { getEnv } from "../../lib/env";
import { runCli } from "./run-cli";

const USAGE = "Usage: npm run db:backup [-- <file>]  (default: ./data/backups/tracker-<UTC timestamp>.db, on PostgreSQL .dump)";

/**
 * `npm run db:backup [-- <file>]`: an online copy of the database at DATABASE_URL, safe while
 * the app is running and writing. SQLite: checked with PRAGMA integrity_check; PostgreSQL: a
 * pg_dump archive whose every block pg_restore reads back. Deleted (exit 1) unless it passes.
 */
runCli(async () => {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((arg) => arg.startsWith("-"))) throw new Error(USAGE);
  const { DATABASE_URL } = getEnv();
  const provider = databaseProvider(DATABASE_URL);
  const destination = args[0] ?? path.join("data", "backups", defaultBackupName(new Date(), provider));
  const result = await backupDatabase(DATABASE_URL, destination);
  const { summary } = result;
  const relative = path.relative(process.cwd(), result.path);
  console.log(`Backed up ${describeDatabaseUrl(DATABASE_URL)} (online) to ${relative.startsWith("..") ? result.path : relative}`);
  console.log(`  size: ${formatBytes(result.bytes)} (${result.bytes} bytes)`);
  console.log(provider === "postgres" ? `  pg_dump archive: ok (pg_restore read every block)` : `  integrity_check: ok`);
  console.log(`  initiatives: ${summary.initiatives}`);
  console.log(`  history entries: ${summary.historyEntries} (newest id ${summary.latestHistoryEntryId ?? "none"})`);
  console.log(`  users: ${summary.users}`);
  console.log(`  migrations: ${summary.migrations.applied} (latest ${summary.migrations.latest ?? "none"})`);
});
