import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../lib/generated/prisma/client";
import { prisma } from "../../lib/db/prisma";
import { onPostgres } from "../helpers/test-database";
import { listSql, type InitiativeFilters } from "../../lib/initiatives/query-initiatives";
import { seedWorkerDatabase } from "../helpers/seeded";

beforeAll(seedWorkerDatabase);

async function plan(sql: Prisma.Sql): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`);
  return rows.map((row) => row.detail);
}

/** A plan step that reads a whole table without an index is what breaks at 100,000 rows. */
function fullScans(steps: string[]): string[] {
  return steps.filter((step) => /^SCAN /.test(step) && !/USING (COVERING )?INDEX|VIRTUAL TABLE|SCAN (hits|titled|h)\b|CONSTANT ROW/.test(step));
}

// SQLite's planner (EXPLAIN QUERY PLAN); PostgreSQL's planner picks by statistics and is measured by the benchmark.
describe.skipIf(onPostgres)("the list's queries use indexes", () => {
  it.each<[string, InitiativeFilters, string]>([
    ["default order (title, Russian)", {}, "ru"],
    ["default order (title, English)", {}, "en"],
    ["status filter", { status: "agreed" }, "ru"],
    ["theme filter", { theme: "transport_logistics" }, "ru"],
    ["country filter", { country: "KZ" }, "ru"],
    ["proposer and kind", { proposer: "KZ", kind: "proposal" }, "ru"],
    ["source filter", { source: 1 }, "ru"],
    ["recently changed", { sort: "updated" }, "ru"],
    ["full-text search by relevance", { q: "водных стратегий" }, "ru"],
    ["search with filters, page 3", { q: "стратегия", status: "proposed", page: 3 }, "en"],
  ])("%s", async (_name, query, locale) => {
    const sql = listSql(prisma, query, locale);
    const idsPlan = await plan(sql.ids);
    expect(fullScans(idsPlan), idsPlan.join("\n")).toEqual([]);
    const countPlan = await plan(sql.count);
    expect(fullScans(countPlan), countPlan.join("\n")).toEqual([]);
  });

  it("orders by title straight from the title index, with no sort step", async () => {
    const sql = listSql(prisma, {}, "ru");
    const steps = await plan(sql.ids);
    expect(steps.join("\n")).toMatch(/Initiative_titleRu_idx/);
    expect(steps.join("\n")).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("finds the dashboard's recent status changes through the (kind, recordedAt) index", async () => {
    const steps = await plan(
      Prisma.sql`SELECT "id" FROM "HistoryEntry" WHERE "kind" = 'status_change' AND "toStatus" IS NOT NULL ORDER BY "recordedAt" DESC, "id" DESC LIMIT 8`,
    );
    expect(steps.join("\n")).toMatch(/HistoryEntry_kind_recordedAt_idx/);
  });
});
