import type { Db } from "./types";
import type { DatabaseProvider } from "./provider";

/**
 * Which engine a client (or an open transaction) talks to. Dialect-specific SQL lives in one
 * small module per concern (search, health, time buckets, backup) and asks this.
 */
export function dialectOf(db: Db): DatabaseProvider {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgres" : "sqlite";
}
