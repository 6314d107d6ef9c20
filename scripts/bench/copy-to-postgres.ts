import Database from "better-sqlite3";
import pg from "pg";
import { createDatabase, databaseName, dropDatabase, onServer } from "../../lib/db/postgres-adapter";
import { applyMigrations } from "../../lib/db/schema-engine";

/**
 * Puts a bench database built on SQLite (build-bench-data.ts) into a fresh PostgreSQL database, row
 * for row, so both engines are measured on the same data. The schema comes from the PostgreSQL
 * migrations; every table the migrations made is filled from the SQLite table of the same name,
 * column by column (generated columns are left to PostgreSQL). The search index is copied too: both
 * engines hold the same app-stemmed text (lib/search/search-index.ts), so rows are interchangeable.
 * Foreign keys and triggers are off during the load (`session_replication_role = replica`, which
 * needs a superuser: a bench tool on a scratch database, never the app's path).
 */

const BATCH = 5_000;

export interface CopySummary {
  rows: Record<string, number>;
  seconds: number;
}

interface Column {
  name: string;
  type: string;
}

/** Copies `sqliteFile` into the database at `url`, which is dropped and created first. */
export async function copyToPostgres(sqliteFile: string, url: string, log: (line: string) => void): Promise<CopySummary> {
  const started = performance.now();
  const name = databaseName(url);
  if (name === "postgres" || name.startsWith("template")) throw new Error(`Refusing to replace the server's own database "${name}": name a bench database.`);
  await dropDatabase(url, name);
  await createDatabase(url, name);
  await applyMigrations(url);

  const sqlite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND is_generated = 'NEVER' AND table_name <> '_prisma_migrations'
       ORDER BY table_name, ordinal_position`,
    );
    const tables = new Map<string, Column[]>();
    for (const column of columns)
      tables.set(column.table_name, [...(tables.get(column.table_name) ?? []), { name: column.column_name, type: column.data_type }]);

    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    for (const [table, tableColumns] of tables) {
      const present = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(table);
      if (!present) continue;
      const list = tableColumns.map((column) => `"${column.name}"`).join(", ");
      const select = sqlite.prepare(`SELECT ${list} FROM "${table}"`).raw(true);
      const timestamps = tableColumns.map((column) => column.type.startsWith("timestamp"));
      const booleans = tableColumns.map((column) => column.type === "boolean");
      let batch: Record<string, unknown>[] = [];
      let count = 0;
      const flush = async () => {
        if (!batch.length) return;
        await client.query(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(batch)]);
        count += batch.length;
        batch = [];
      };
      for (const values of select.iterate() as Iterable<unknown[]>) {
        const row: Record<string, unknown> = {};
        tableColumns.forEach((column, index) => {
          let value = values[index];
          // Prisma's SQLite adapter may store DateTime as epoch milliseconds; booleans are 0/1.
          if (timestamps[index] && typeof value === "number") value = new Date(value).toISOString();
          if (booleans[index] && typeof value === "number") value = value !== 0;
          if (typeof value === "bigint") value = value.toString();
          row[column.name] = value;
        });
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      rows[table] = count;
      if (count >= 10_000) log(`  ${table}: ${count.toLocaleString("en")} rows (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    // Serial ids go on after the copied ones.
    const { rows: serials } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
    );
    for (const { table_name: table, column_name: column } of serials) {
      await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`, [
        `"${table}"`,
        column,
      ]);
    }
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

/** Whether the bench database at `url` exists and holds `initiatives` initiatives (for --reuse). */
export async function postgresBenchReady(url: string, initiatives: number): Promise<boolean> {
  const name = databaseName(url);
  const exists = await onServer(url, async (client) => (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1);
  if (!exists) return false;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(`SELECT count(*) AS n FROM "Initiative"`)).rows[0].n) === initiatives;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}
