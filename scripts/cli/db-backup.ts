import path from "node:path";
import { backupDatabase, defaultBackupName, formatBytes } from "../../lib/db/backup";
import { getEnv } from "../../lib/env";
import { runCli } from "./run-cli";

const USAGE = "Usage: npm run db:backup [-- <file>]  (default: ./data/backups/tracker-<UTC timestamp>.db)";

/**
 * `npm run db:backup [-- <file>]`: an online copy of the database at DATABASE_URL, safe while
 * the app is running and writing. The copy is checked with PRAGMA integrity_check and deleted
 * (exit 1) unless it is "ok".
 */
runCli(async () => {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((arg) => arg.startsWith("-"))) throw new Error(USAGE);
  const { DATABASE_URL } = getEnv();
  const destination = args[0] ?? path.join("data", "backups", defaultBackupName());
  const result = await backupDatabase(DATABASE_URL, destination);
  const { summary } = result;
  const relative = path.relative(process.cwd(), result.path);
  console.log(`Backed up ${DATABASE_URL} (online) to ${relative.startsWith("..") ? result.path : relative}`);
  console.log(`  size: ${formatBytes(result.bytes)} (${result.bytes} bytes)`);
  console.log(`  integrity_check: ok`);
  console.log(`  initiatives: ${summary.initiatives}`);
  console.log(`  history entries: ${summary.historyEntries} (newest id ${summary.latestHistoryEntryId ?? "none"})`);
  console.log(`  users: ${summary.users}`);
  console.log(`  migrations: ${summary.migrations.applied} (latest ${summary.migrations.latest ?? "none"})`);
});
