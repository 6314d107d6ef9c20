import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
// What marks a module as touching the database, the environment or the request's cookies.
const TOUCHES = /PrismaClient|prisma\.|\bDb\b|\bdb\.|getEnv\(|process\.env|next\/headers|cookies\(\)|\$queryRaw|\$executeRaw/;
const SERVER_ONLY = /^import "server-only";$/m;

/**
 * Modules the command-line tools load in plain Node (scripts/, seed/, the browser tests' fixtures,
 * the second app instance of the contention test), where `server-only` throws (decision 027).
 */
const SHARED_WITH_TOOLS = [
  "lib/auth/password.ts",
  "lib/auth/rate-limit.ts",
  "lib/auth/sessions.ts",
  "lib/cache/tags.ts",
  "lib/db/backup.ts",
  "lib/db/create-client.ts",
  "lib/db/dialect.ts",
  "lib/db/in-transaction.ts",
  "lib/db/open-database.ts",
  "lib/db/postgres-adapter.ts",
  "lib/db/postgres-backup.ts",
  "lib/db/prepare-database.ts",
  "lib/db/savepoint.ts",
  "lib/env.ts",
  "lib/http/server-timing.ts",
  "lib/initiatives/mark-verified.ts",
  "lib/initiatives/record-history.ts",
  "lib/search/search-index.ts",
  "lib/search/search-sql.ts",
  "lib/users/manage-users.ts",
  // Types only: never loaded at run time.
  "lib/db/types.ts",
];

function libModules(dir = "lib"): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const name = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return name === "lib/generated" ? [] : libModules(name);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [name] : [];
  });
}

describe("server-only on the data-access layer", () => {
  const modules = libModules().map((file) => ({ file, source: readFileSync(path.join(root, file), "utf8") }));

  it("every module that touches the database, the environment or cookies imports server-only, unless the tools share it", () => {
    const missing = modules
      .filter(({ file, source }) => TOUCHES.test(source) && !SERVER_ONLY.test(source) && !SHARED_WITH_TOOLS.includes(file))
      .map(({ file }) => file);
    expect(missing).toEqual([]);
  });

  it("no module the tools share imports it (a CLI would throw on start)", () => {
    const listed = modules.filter(({ file }) => SHARED_WITH_TOOLS.includes(file));
    expect(listed.map(({ file }) => file).sort()).toEqual([...SHARED_WITH_TOOLS].sort());
    expect(listed.filter(({ source }) => SERVER_ONLY.test(source)).map(({ file }) => file)).toEqual([]);
  });

  it("every server action file imports it", () => {
    const actions = readdirSync(path.join(root, "app/actions")).filter((name) => name.endsWith(".ts"));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((name) => !SERVER_ONLY.test(readFileSync(path.join(root, "app/actions", name), "utf8")))).toEqual([]);
  });
});
