import "server-only";
import { TAG } from "../cache/tags";
import { dayToDate } from "../dates";
import type { SessionUser } from "../auth/sessions";
import type { PrismaClient } from "../generated/prisma/client";
import { diffFields, recordEntry } from "../records/record-history";
import { indexSource } from "../search/search-index";
import { ExtractError, extractFile, normalizeLineEndings, sha256Hex, type ExtractedFile } from "./extract-text";
import { IntakeError } from "./intake-error";
import type { AddSourceInput, CorrectSourceInput } from "./source-schemas";

// Tab and line feed are text; every other C0 control, DEL and lone surrogates are not.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A file's text for the preview, or an IntakeError for the file field. */
export async function extractUpload(file: File, maxBytes: number): Promise<ExtractedFile> {
  if (file.size > maxBytes) throw new IntakeError("fileTooLarge", "file", { megabytes: Math.floor(maxBytes / 1024 / 1024) || 1 });
  try {
    return await extractFile(new Uint8Array(await file.arrayBuffer()), maxBytes);
  } catch (error) {
    if (error instanceof ExtractError) throw new IntakeError(error.code, "file", { megabytes: Math.floor(maxBytes / 1024 / 1024) || 1 });
    throw error;
  }
}

/** The metadata as history shows it: every field as a display string or null. */
export function metadataValues(source: {
  title: string | null;
  outlet: string | null;
  url: string | null;
  publishedOn: Date | string | null;
  language: string;
  kind: string | null;
}): Record<string, string | null> {
  const day = source.publishedOn instanceof Date ? source.publishedOn.toISOString().slice(0, 10) : source.publishedOn;
  return { title: source.title, outlet: source.outlet, url: source.url, publishedOn: day, language: source.language, kind: source.kind };
}

const toDate = (day: string | null) => (day ? dayToDate(day) : null);

/** A source's metadata as the form gives it, as stored (the publication day as a date). */
const storedMetadata = (input: Pick<AddSourceInput, "title" | "outlet" | "url" | "publishedOn" | "language" | "kind">) => ({
  title: input.title,
  outlet: input.outlet,
  url: input.url,
  publishedOn: toDate(input.publishedOn),
  language: input.language,
  kind: input.kind,
});

/**
 * Saves a new source: the text exactly as given (or as extracted from the file, whose bytes are
 * kept too), its sha-256, the creation entry of its history and its search rows, in one
 * transaction. The same text twice is refused, naming the source that has it.
 */
export async function addSource(
  db: PrismaClient,
  user: SessionUser,
  input: AddSourceInput,
  options: { maxBytes: number },
): Promise<{ id: number; tags: string[] }> {
  let text: string;
  let upload: { file: File; extracted: ExtractedFile; bytes: Uint8Array<ArrayBuffer> } | null = null;
  if (input.origin === "file") {
    const file = input.file!;
    const extracted = await extractUpload(file, options.maxBytes);
    upload = { file, extracted, bytes: new Uint8Array(await file.arrayBuffer()) };
    text = extracted.text;
  } else {
    text = normalizeLineEndings(input.text);
    if (Buffer.byteLength(text) > options.maxBytes)
      throw new IntakeError("textTooLarge", "text", { megabytes: Math.floor(options.maxBytes / 1024 / 1024) || 1 });
  }
  const field = upload ? "file" : "text";
  if (CONTROL.test(text)) throw new IntakeError("controlCharacters", field);
  const sha256 = sha256Hex(text);
  const existing = await db.source.findUnique({ where: { sha256 }, select: { id: true } });
  if (existing) throw new IntakeError("duplicateSource", field, { sourceId: existing.id });

  const metadata = storedMetadata(input);
  try {
    return await db.$transaction(async (tx) => {
      const source = await tx.source.create({
        data: { key: `intake-${sha256}`, text, sha256, createdById: user.id, ...metadata },
        select: { id: true },
      });
      if (upload) {
        await tx.sourceFile.create({
          data: {
            sourceId: source.id,
            name: upload.file.name.slice(0, 255) || "upload",
            mediaType: upload.extracted.mediaType,
            size: upload.extracted.size,
            sha256: upload.extracted.sha256,
            bytes: upload.bytes,
          },
        });
      }
      const values = metadataValues({ ...metadata, publishedOn: input.publishedOn });
      await recordEntry(tx, {
        subject: "source",
        subjectId: source.id,
        action: "created",
        version: 1,
        note: "",
        changes: diffFields({}, { origin: upload ? upload.extracted.type : "paste", ...values }),
        authorId: user.id,
      });
      await indexSource(tx, { id: source.id, text });
      // The sources list and search (which carries the sources' tag); its own page, should a miss for that id be cached.
      return { id: source.id, tags: [TAG.source(source.id), TAG.sources] };
    });
  } catch (error) {
    // Two editors saving the same text at once: the unique sha-256 lets one through.
    if ((error as { code?: string }).code === "P2002") {
      const winner = await db.source.findUnique({ where: { sha256 }, select: { id: true } });
      if (winner) throw new IntakeError("duplicateSource", field, { sourceId: winner.id });
    }
    throw error;
  }
}

/**
 * Corrects a source's metadata (never its text) as a new, attributed history entry. The form
 * carries the version it showed; a stale save writes nothing.
 */
export async function correctSource(db: PrismaClient, user: SessionUser, input: CorrectSourceInput): Promise<{ version: number; tags: string[] }> {
  return db.$transaction(async (tx) => {
    const current = await tx.source.findUnique({
      where: { id: input.sourceId },
      select: { version: true, title: true, outlet: true, url: true, publishedOn: true, language: true, kind: true },
    });
    if (!current) throw new IntakeError("notFound");
    if (current.version !== input.version) throw new IntakeError("sourceChangedSince", undefined, { version: current.version });
    const changes = diffFields(metadataValues(current), metadataValues(input));
    if (changes.length === 0) throw new IntakeError("nothingChanged");
    const version = current.version + 1;
    const updated = await tx.source.updateMany({
      where: { id: input.sourceId, version: current.version },
      data: { ...storedMetadata(input), version },
    });
    if (updated.count !== 1) throw new IntakeError("sourceChangedSince", undefined, { version });
    await recordEntry(tx, { subject: "source", subjectId: input.sourceId, action: "corrected", version, note: input.note, changes, authorId: user.id });
    // Its page, the sources list, and where its title and date show beside its quotes: the quoting
    // initiatives' pages and the list's source filter.
    const quoting = await tx.initiative.findMany({ where: { quotes: { some: { sourceId: input.sourceId } } }, select: { slug: true } });
    const tags = [TAG.source(input.sourceId), TAG.sources, ...(quoting.length ? [TAG.initiatives] : []), ...quoting.map((row) => TAG.initiative(row.slug))];
    return { version, tags: tags.sort() };
  });
}
