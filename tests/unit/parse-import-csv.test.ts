import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, parseImportCsv } from "../../lib/imports/parse-import-csv";

describe("reading a bulk-import CSV", () => {
  it("reads the export's own format: BOM, CRLF, quoted cells, defused cells, extra columns ignored", () => {
    const csv =
      '\uFEFFslug,title_ru,status,stage,themes,url,version\r\nai-declaration,"Декларация, ИИ",agreed,signed,"digital_ai; security",https://x.test/,4\r\nwater,"две\r\nстроки",\'-stalled,,,,2\r\n';
    const { rows, issues } = parseImportCsv(csv);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ row: 2, slug: "ai-declaration", status: "agreed", stage: "signed", version: "4", metric_slug: "", value: "" });
    // A cell the export prefixed with ' gets its text back; a quoted cell over two lines is one row.
    expect(rows[1]).toMatchObject({ row: 3, slug: "water", status: "-stalled", version: "2" });
  });

  it("reads semicolon-separated files, as spreadsheets in a Russian locale save them, with headers in any case and order", () => {
    const { rows, issues } = parseImportCsv("Version;SLUG;metric_slug;value;observed_on\n3;trade;trade-volume;12,5;2026-05-01\n");
    expect(issues).toEqual([]);
    expect(rows[0]).toMatchObject({ slug: "trade", version: "3", metric_slug: "trade-volume", value: "12,5", observed_on: "2026-05-01" });
  });

  it.each([
    ["an empty file", "", { row: 1, column: null, code: "importEmpty" }],
    ["only a BOM and blanks", "\uFEFF \n", { row: 1, column: null, code: "importEmpty" }],
    ["a header and no rows", "slug,version\n", { row: 1, column: null, code: "importNoRows" }],
    ["no slug column", "name,version\nx,1\n", { row: 1, column: "slug", code: "importMissingColumn" }],
    ["no version column", "slug,status\nx,agreed\n", { row: 1, column: "version", code: "importMissingColumn" }],
    ["an unclosed quote", 'slug,version\nx,1\n"y,2\n', { row: 3, column: null, code: "importMalformed" }],
  ])("refuses %s", (_name, csv, issue) => {
    const { rows, issues } = parseImportCsv(csv);
    expect(rows).toEqual([]);
    expect(issues).toEqual([issue]);
  });

  it("names a row with more cells than the header has columns", () => {
    const { rows, issues } = parseImportCsv("slug,version\na,1\nb,2,extra\n");
    expect(rows).toHaveLength(2);
    expect(issues).toEqual([{ row: 3, column: null, code: "importExtraCells" }]);
  });

  it("refuses a file with more rows than the limit", () => {
    const csv = `slug,version\n${"x,1\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(parseImportCsv(csv).issues).toEqual([{ row: 1, column: null, code: "importTooManyRows", values: { max: MAX_IMPORT_ROWS } }]);
  });
});
