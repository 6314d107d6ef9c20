import "server-only";
import { Prisma } from "../generated/prisma/client";
import { dialectOf } from "./dialect";
import type { Db } from "./types";

/**
 * Time buckets in SQL, per engine: the UTC day (YYYY-MM-DD) of a DateTime column.
 * SQLite stores Prisma's DateTime as ISO 8601 text, so the day is its first ten characters;
 * PostgreSQL stores `timestamp(3)` in UTC.
 */
export function utcDay(db: Db, column: string): Prisma.Sql {
  const quoted = `"${column.replaceAll('"', '""')}"`;
  return Prisma.raw(dialectOf(db) === "postgres" ? `to_char(${quoted}, 'YYYY-MM-DD')` : `substr(${quoted}, 1, 10)`);
}
