import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../seed/catalog";
import { seedDatabase } from "../../seed/seed-database";
import type { SessionUser } from "../../lib/auth/sessions";
import { addSource, correctSource } from "../../lib/sources/add-source";
import { ExtractError, extractFile, sha256Hex, sniffType } from "../../lib/sources/extract-text";
import { IntakeError } from "../../lib/sources/intake-error";
import { listSourcePage } from "../../lib/sources/list-sources";
import { addSourceSchema, correctSourceSchema, sourceFormInput } from "../../lib/sources/source-schemas";
import { listRecordHistory } from "../../lib/records/record-history";
import { searchAll } from "../../lib/search/search-all";
import { freshDatabase } from "../helpers/test-database";
import { makeUser } from "../helpers/users";

// Test articles: invented, marked as test data in their first line, never seeded.
const FIXTURES = path.join(import.meta.dirname, "../fixtures/sources");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const MB = 10 * 1024 * 1024;

const db = await freshDatabase("source-intake");
const prisma = db.prisma;
let editor: SessionUser;

beforeAll(async () => {
  await seedDatabase(prisma, catalog);
  editor = await makeUser(prisma, "editor", { name: "Intake Editor" });
});
afterAll(() => prisma.$disconnect());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExtractError || error instanceof IntakeError) return error.code;
    throw error;
  }
  return "accepted";
}

function upload(bytes: Uint8Array<ArrayBuffer> | string, name: string) {
  const form = new FormData();
  form.set("origin", "file");
  form.set("language", "ru");
  form.set("file", new File([bytes], name));
  return addSourceSchema.parse(sourceFormInput(form));
}

function paste(text: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set("origin", "paste");
  form.set("language", "ru");
  form.set("text", text);
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  return addSourceSchema.parse(sourceFormInput(form));
}

async function counts() {
  return {
    sources: await prisma.source.count(),
    files: await prisma.sourceFile.count(),
    history: await prisma.recordHistoryEntry.count(),
    search: Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "SearchIndex"`))[0]!.n),
  };
}

describe("text extraction from real files", () => {
  const WATER = "Эксперты обсудили проект конвенции о водопользовании и сроки согласования её текста.";
  const RARE = "В Астане начал работу центр по редким землям";

  it.each([
    ["follow-up-ru.html", "html"],
    ["follow-up-ru.pdf", "pdf"],
    ["follow-up-ru.docx", "docx"],
    ["follow-up-ru.txt", "txt"],
  ])("%s is read as %s and its sentences come out whole", async (name, type) => {
    const extracted = await extractFile(fixture(name), MB);
    expect(extracted.type).toBe(type);
    // A PDF's text layer breaks lines where the page did.
    const flowing = extracted.text.replace(/\s+/g, " ");
    expect(flowing).toContain(WATER);
    expect(flowing).toContain(RARE);
    expect(extracted.sha256).toBe(sha256Hex(fixture(name)));
  });

  it("takes an HTML page's article, not its navigation, sidebar, footer or scripts", async () => {
    const { text, title } = await extractFile(fixture("follow-up-ru.html"), MB);
    expect(title).toBe("ТЕСТ: Водная встреча в Бишкеке");
    for (const chrome of ["Главная", "Курс валют", "Все права защищены", "tracking"]) expect(text).not.toContain(chrome);
    // One paragraph per block, separated by a blank line.
    expect(text.split("\n\n")).toHaveLength(5);
  });

  it("decides the type by the content, not the name", async () => {
    expect(sniffType(fixture("follow-up-ru.html"))).toBe("html");
    const pdfNamedDocx = upload(fixture("follow-up-ru.pdf"), "article.docx");
    const saved = await addSource(prisma, editor, pdfNamedDocx, { maxBytes: MB });
    expect((await prisma.sourceFile.findUniqueOrThrow({ where: { sourceId: saved.id } })).mediaType).toBe("application/pdf");
    expect(await codeOf(extractFile(new TextEncoder().encode("GIF89a..."), MB))).toBe("fileUnsupported");
  });

  it.each([
    ["an empty file", new Uint8Array(), "fileEmpty"],
    ["a PNG image", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "fileUnsupported"],
    ["a ZIP that is not a Word document", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0x61, 0x2e, 0x74, 0x78, 0x74]), "fileUnsupported"],
    ["binary with NUL bytes", new Uint8Array([1, 2, 0, 3, 4]), "fileUnsupported"],
    ["invalid UTF-8 (Windows-1251)", new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), "fileInvalidUtf8"],
    ["a PDF without a text layer", fixture("image-only.pdf"), "pdfNoText"],
    ["an encrypted PDF", fixture("encrypted.pdf"), "pdfEncrypted"],
    ["a damaged PDF", new TextEncoder().encode("%PDF-1.7\nthis is not a PDF body"), "fileUnreadable"],
    ["HTML with no main text", fixture("no-main-text.html"), "htmlNoText"],
    ["whitespace only", new TextEncoder().encode(" \n\t\n"), "fileEmpty"],
  ])("refuses %s with a clear message and saves nothing", async (_label, bytes, code) => {
    expect(await codeOf(extractFile(bytes, MB))).toBe(code);
    const before = await counts();
    expect(await codeOf(addSource(prisma, editor, upload(bytes, "upload.txt"), { maxBytes: MB }))).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const before = await counts();
    expect(await codeOf(addSource(prisma, editor, upload(fixture("follow-up-ru.txt"), "big.txt"), { maxBytes: 1024 }))).toBe("fileTooLarge");
    expect(await codeOf(addSource(prisma, editor, paste("я".repeat(600)), { maxBytes: 1024 }))).toBe("textTooLarge");
    expect(await counts()).toEqual(before);
  });
});

describe("adding a source", () => {
  it("stores pasted text exactly (line endings as \\n), its sha-256, a creation entry and its search rows", async () => {
    const text = "ТЕСТОВЫЕ ДАННЫЕ.\r\nПервый абзац о ледниках Памира.\r\n\r\n  Второй абзац с отступом.  ";
    const input = paste(text, { title: " Тест ", outlet: "Тестовое издание", url: "https://example.org/test", publishedOn: "2026-03-02", kind: "news_report" });
    const { id } = await addSource(prisma, editor, input, { maxBytes: MB });
    const stored = await prisma.source.findUniqueOrThrow({ where: { id }, include: { file: true } });
    const expected = text.replace(/\r\n/g, "\n");
    expect(stored.text).toBe(expected);
    expect(stored.sha256).toBe(sha256Hex(expected));
    expect(stored).toMatchObject({
      title: "Тест",
      outlet: "Тестовое издание",
      url: "https://example.org/test",
      kind: "news_report",
      language: "ru",
      createdById: editor.id,
      version: 1,
      file: null,
    });
    expect(stored.publishedOn?.toISOString().slice(0, 10)).toBe("2026-03-02");
    const [entry] = await listRecordHistory(prisma, "source", id);
    expect(entry).toMatchObject({ action: "created", version: 1, authorName: "Intake Editor" });
    expect(entry!.changes).toContainEqual({ field: "origin", from: null, to: "paste" });
    const hits = await searchAll(prisma, "ледник Памир", 1, 10);
    expect(hits.hits.some((hit) => hit.kind === "passage" && hit.source?.id === id)).toBe(true);
  });

  it("keeps an uploaded file's bytes and hash beside the extracted text", async () => {
    const bytes = fixture("follow-up-ru.docx");
    const { id } = await addSource(prisma, editor, upload(bytes, "follow-up.docx"), { maxBytes: MB });
    const stored = await prisma.source.findUniqueOrThrow({ where: { id }, include: { file: true } });
    expect(stored.file).toMatchObject({
      name: "follow-up.docx",
      size: bytes.length,
      sha256: sha256Hex(bytes),
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(Buffer.from(stored.file!.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(stored.text).toContain("центр по редким землям");
  });

  it("refuses the same text twice, naming the source that has it", async () => {
    const first = await addSource(prisma, editor, paste("ТЕСТ: дважды один и тот же текст."), { maxBytes: MB });
    const before = await counts();
    const error = await addSource(prisma, editor, paste("ТЕСТ: дважды один и тот же текст."), { maxBytes: MB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntakeError);
    expect(error).toMatchObject({ code: "duplicateSource", values: { sourceId: first.id } });
    // The HTML file whose article text equals the pasted follow-up text is a duplicate too, whatever its bytes.
    expect(await counts()).toEqual(before);
  });

  it("refuses control characters and blank text", async () => {
    expect(await codeOf(addSource(prisma, editor, paste("ТЕСТ\u0000 с NUL"), { maxBytes: MB }))).toBe("controlCharacters");
    expect(addSourceSchema.safeParse(sourceFormInput(Object.assign(new FormData(), {}))).success).toBe(false);
    const blank = new FormData();
    blank.set("origin", "paste");
    blank.set("language", "ru");
    blank.set("text", " \r\n ");
    expect(addSourceSchema.safeParse(sourceFormInput(blank)).error?.issues[0]?.path).toEqual(["text"]);
  });
});

describe("correcting a source's details", () => {
  it("records each correction as a new version with its diff, never touching the text", async () => {
    const { id } = await addSource(prisma, editor, paste("ТЕСТ: источник для исправлений."), { maxBytes: MB });
    const before = await prisma.source.findUniqueOrThrow({ where: { id } });
    const input = correctSourceSchema.parse({
      sourceId: String(id),
      version: "1",
      title: "Новый заголовок",
      language: "ru",
      outlet: "",
      url: "",
      publishedOn: "",
      kind: "analysis",
      note: "Заголовок указан в оригинале",
    });
    // A source nobody quotes: only its own page and the list show the corrected details.
    expect(await correctSource(prisma, editor, input)).toEqual({ version: 2, tags: ["list:sources", `source:${id}`] });
    const after = await prisma.source.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ title: "Новый заголовок", kind: "analysis", version: 2, text: before.text, sha256: before.sha256 });
    const [latest] = await listRecordHistory(prisma, "source", id);
    expect(latest).toMatchObject({ action: "corrected", version: 2, note: "Заголовок указан в оригинале" });
    expect(latest!.changes).toEqual([
      { field: "title", from: null, to: "Новый заголовок" },
      { field: "kind", from: null, to: "analysis" },
    ]);
    // A form loaded before the correction writes nothing; the same values again are "nothing changed".
    expect(await codeOf(correctSource(prisma, editor, { ...input, title: "Другой" }))).toBe("sourceChangedSince");
    expect(await codeOf(correctSource(prisma, editor, { ...input, version: 2 }))).toBe("nothingChanged");
    expect((await listRecordHistory(prisma, "source", id)).length).toBe(2);
  });

  it("keeps the history append-only in the database itself", async () => {
    const row = await prisma.recordHistoryEntry.findFirstOrThrow();
    await expect(prisma.recordHistoryEntry.update({ where: { id: row.id }, data: { note: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(prisma.recordHistoryEntry.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });
});

describe("the source list", () => {
  it("filters by outlet, kind, language and date, and counts quotes", async () => {
    await addSource(
      prisma,
      editor,
      paste("ТЕСТ: official statement in English.", { language: "en", outlet: "Test Ministry", kind: "official_statement", publishedOn: "2026-04-10" }),
      { maxBytes: MB },
    );
    const all = await listSourcePage(prisma, {});
    expect(all.rows.length).toBe(await prisma.source.count());
    const seeded = all.rows.find((row) => row.quoteCount > 0);
    expect(seeded, "a seed article with quotes").toBeDefined();
    expect(seeded!.quoteCount).toBe(await prisma.quote.count({ where: { sourceId: seeded!.id } }));
    expect(all.outlets).toContain("Test Ministry");

    const official = await listSourcePage(prisma, { kind: "official_statement", language: "en" });
    expect(official.rows.map((row) => row.outlet)).toEqual(["Test Ministry"]);
    expect((await listSourcePage(prisma, { outlet: "Test Ministry", from: "2026-04-11" })).rows).toEqual([]);
    expect((await listSourcePage(prisma, { from: "2026-04-10", to: "2026-04-10" })).rows.map((row) => row.outlet)).toEqual(["Test Ministry"]);
  });
});
