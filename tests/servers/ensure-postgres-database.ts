import pg from "pg";
import { createDatabase, databaseName, withDatabase } from "../../lib/db/postgres-adapter";

/**
 * `npx tsx tests/servers/ensure-postgres-database.ts <postgresql URL>`: creates the URL's database on
 * its server when it is not there (the test server starts with only `postgres`); the app's own
 * db:reset then migrates and seeds it.
 */
const url = process.argv[2];
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error("Usage: tsx tests/servers/ensure-postgres-database.ts postgresql://user@host:port/database");
  process.exit(2);
}
const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
await client.connect();
const exists = (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [databaseName(url)])).rowCount === 1;
await client.end();
if (!exists) await createDatabase(url, databaseName(url));
