/**
 * Sorts a failed write into what the person saving can be told: the database was busy for the
 * whole busy timeout (try again), or it cannot take writes at all (read-only file, full disk).
 * Anything else is a bug and stays "unexpected".
 */
export type DatabaseFailure = "busy" | "unavailable";

export function databaseFailure(error: unknown): DatabaseFailure | null {
  if (!(error instanceof Error)) return null;
  const cause = (error as { cause?: unknown }).cause;
  const text = [error.name, error.message, String((error as { code?: unknown }).code ?? ""), cause instanceof Error ? cause.message : String(cause ?? "")].join(
    " ",
  );
  if (/\bP1008\b|\bP2028\b|SQLITE_BUSY|database is locked|SocketTimeout/i.test(text)) return "busy";
  if (/SQLITE_READONLY|readonly database|read-only|SQLITE_FULL|disk is full|database or disk is full|SQLITE_IOERR|disk I\/O error|SQLITE_CANTOPEN/i.test(text))
    return "unavailable";
  return null;
}
