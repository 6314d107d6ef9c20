import path from "node:path";

/** The SQLite file a `file:` URL names, resolved against the working directory as the adapter does. */
export function databasePathFromUrl(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}
