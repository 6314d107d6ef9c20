import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * The PostgreSQL driver adapter for the app and for the schema engine.
 * `@prisma/adapter-pg` 7.10.0 has three bugs that the migration engine hits
 * (docs/decisions/013-postgresql.md); `createPostgresMigrationFactory` wraps them:
 * - catalog columns of type "char" (OID 18) are refused, so any diff against a live database fails:
 *   they are read as text;
 * - `executeScript` splits on every `;`, breaking plpgsql bodies: the script goes to the server
 *   whole (the simple query protocol runs several statements, in one implicit transaction);
 * - `connectToShadowDb` with a `connectionString` connects to the main database (the shadow
 *   database name is lost behind the URL): the shadow database gets a URL of its own.
 */

/** Connection pool per app process; `lock_timeout` plays the part of SQLite's busy timeout. */
export function createPostgresAdapter(url: string, busyTimeoutMs: number): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    options: `-c lock_timeout=${busyTimeoutMs}`,
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withoutNul(await factory.connect()),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

/**
 * PostgreSQL's text cannot hold NUL (SQLite's can): a parameter with one fails the whole statement
 * (22021), so a lookup of a hostile slug would answer 500. NUL becomes U+FFFD, which no stored value
 * contains, so such a lookup finds nothing; free-text input with control characters is refused
 * before it reaches the database.
 */
function withoutNul<T extends object>(connection: T): T {
  const queryable = connection as unknown as PgQueryable;
  const performIO = queryable.performIO.bind(queryable);
  const clean = (value: unknown): unknown =>
    typeof value === "string" ? value.replaceAll("\u0000", "\uFFFD") : Array.isArray(value) ? value.map(clean) : value;
  queryable.performIO = (query) => {
    const { args } = query as { args: unknown[] };
    return performIO({ ...(query as object), args: args.map(clean) });
  };
  if (queryable.startTransaction) {
    const start = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (isolationLevel) => withoutNul(await start(isolationLevel));
  }
  return connection;
}

/** The same URL naming another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run inside the target). */
export async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function createDatabase(url: string, name: string, template?: string): Promise<void> {
  await onServer(url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}${template ? ` TEMPLATE ${quoteIdentifier(template)}` : ""}`));
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
}

const CHAR_OID = 18;
const TEXT_OID = 25;

interface PgQueryable {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  startTransaction?(isolationLevel?: string): Promise<PgQueryable>;
  executeScript?(script: string): Promise<void>;
  underlyingDriver?(): pg.Pool;
  onError?(error: unknown): never;
}

/** Patches one adapter connection (and the transactions it starts) in place. */
function patchConnection<T extends object>(connection: T): T {
  const queryable = connection as unknown as PgQueryable;
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    return result;
  };
  if (queryable.startTransaction) {
    const start = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (isolationLevel) => patchConnection(await start(isolationLevel));
  }
  if (queryable.executeScript && queryable.underlyingDriver) {
    const pool = queryable.underlyingDriver();
    queryable.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        queryable.onError!(error);
      }
    };
  }
  return connection;
}

/** The adapter factory the schema engine gets for a PostgreSQL URL, with the wrappers above. */
export function createPostgresMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg({ connectionString: url, max: 2 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patchConnection(await factory.connect()),
    connectToShadowDb: async () => {
      const name = `tracker_shadow_${randomUUID().replace(/-/g, "")}`;
      if (name === databaseName(url)) throw new Error("The shadow database cannot be the main database.");
      await createDatabase(url, name);
      const shadow = patchConnection(await new PrismaPg({ connectionString: withDatabase(url, name), max: 2 }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await dropDatabase(url, name);
      };
      return shadow;
    },
  };
}
