/**
 * Structured server logs: one JSON object per line on stdout (errors on stderr), so a log
 * collector can index them and a request id ties a user's error message to its trace.
 */
type Level = "info" | "warn" | "error";

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }, (_key, value) =>
    value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
  );
  if (level === "error") console.error(line);
  else console.log(line);
}
