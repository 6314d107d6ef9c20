import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../../app/api/export/[file]/route";
import { prisma } from "../../lib/db/prisma";
import { EXPORT_PAGE_SIZE, HISTORY_COLUMNS, INITIATIVE_COLUMNS } from "../../lib/exports/export-data";
import { seedWorkerDatabase } from "../helpers/seeded";

const download = (file: string, query = "") =>
  exportRoute(new Request(`http://localhost:3000/api/export/${file}${query}`), { params: Promise.resolve({ file }) });

/** Parses CSV the way Python's csv module (and spreadsheets like it) do. */
function pythonCsv(text: string): string[][] {
  const script = "import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: text, encoding: "utf8" })) as string[][];
}

// Test data only: hostile titles written straight into this worker's copy of the database.
const HOSTILE = ["checked\r=2+3", 'say "hi", then', "two\nlines", "=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\tTAB", "\rCR first", "semi; colon"];

beforeAll(async () => {
  await seedWorkerDatabase();
  const initiatives = await prisma.initiative.findMany({ orderBy: { id: "asc" }, take: HOSTILE.length, select: { id: true } });
  for (const [index, { id }] of initiatives.entries()) await prisma.initiative.update({ where: { id }, data: { titleEn: HOSTILE[index]! } });
});

describe("CSV exports", () => {
  it("quote every field with CR, LF, a quote or the separator and defuse every leading = + - @ tab CR (read back by Python's csv)", async () => {
    const text = (await (await download("initiatives.csv")).text()).replace(/^\uFEFF/, "");
    const rows = pythonCsv(text);
    expect(rows[0]).toEqual([...INITIATIVE_COLUMNS]);
    const count = await prisma.initiative.count();
    expect(rows).toHaveLength(count + 1);
    for (const row of rows) {
      expect(row).toHaveLength(INITIATIVE_COLUMNS.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const titles = rows.slice(1).map((row) => row[INITIATIVE_COLUMNS.indexOf("title_en")]);
    for (const hostile of HOSTILE) expect(titles).toContain(/^[=+\-@\t\r]/.test(hostile) ? `'${hostile}` : hostile);
  });
});

describe("exports are streamed", () => {
  it("send the header before the rows and the rows a page at a time", async () => {
    const initiative = await prisma.initiative.findFirstOrThrow({ select: { id: true } });
    const extra = EXPORT_PAGE_SIZE * 2 + 10;
    await prisma.historyEntry.createMany({
      data: Array.from({ length: extra }, (_, index) => ({ initiativeId: initiative.id, kind: "verification" as const, note: `bulk ${index}`, version: 100_000 + index })),
    });
    const total = await prisma.historyEntry.count();
    const reader = (await download("history.csv")).body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const chunks: string[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value));
    }
    expect(chunks[0]).toBe(`\uFEFF${HISTORY_COLUMNS.join(",")}\r\n`);
    expect(chunks.length).toBeGreaterThanOrEqual(1 + Math.ceil(total / EXPORT_PAGE_SIZE));
    // Every entry, not the old cap of 10,000 or a page: ids strictly increasing, none missing.
    const ids = pythonCsv(chunks.join("").replace(/^\uFEFF/, "")).slice(1).map((row) => Number(row[0]));
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const json = await (await download("history.json")).json();
    expect(json.rows).toHaveLength(total);
    expect(json.columns).toEqual([...HISTORY_COLUMNS]);
  });
});
