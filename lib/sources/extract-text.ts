import { createHash } from "node:crypto";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/**
 * Text out of an uploaded file (docs/decisions/014-source-intake.md). The type is decided by the
 * bytes, never by the file name: %PDF, a ZIP holding word/document.xml, markup that opens like an
 * HTML document, or else valid UTF-8 text.
 */

export const SOURCE_FILE_TYPES = {
  txt: "text/plain",
  html: "text/html",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

export type SourceFileType = keyof typeof SOURCE_FILE_TYPES;

export type ExtractErrorCode =
  "fileEmpty" | "fileTooLarge" | "fileUnsupported" | "fileInvalidUtf8" | "pdfNoText" | "pdfEncrypted" | "fileUnreadable" | "htmlNoText" | "docxNoText";

export class ExtractError extends Error {
  constructor(readonly code: ExtractErrorCode) {
    super(code);
    this.name = "ExtractError";
  }
}

export interface ExtractedFile {
  type: SourceFileType;
  mediaType: string;
  text: string;
  /** The title an HTML page states (as Readability reads it), offered to the editor; null otherwise. */
  title: string | null;
  size: number;
  sha256: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Every line ending becomes \n: browsers send a textarea's newlines as \r\n. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString("latin1");

// Formats recognised only to be named as unsupported (images, archives, old Office, RTF…).
const OTHER_MAGIC = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x7b, 0x5c, 0x72, 0x74, 0x66],
  [0x52, 0x61, 0x72, 0x21],
  [0x37, 0x7a, 0xbc, 0xaf],
];

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]|<article[\s>])/i;

/** The file's type from its content; text and HTML must be valid UTF-8. */
export function sniffType(bytes: Uint8Array): SourceFileType {
  const head = ascii(bytes, 0, 1024);
  if (/^\s{0,16}%PDF-/.test(head)) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // ZIP entries carry their names uncompressed: a Word document always has this part.
    if (Buffer.from(bytes).includes("word/document.xml", 0, "latin1")) return "docx";
    throw new ExtractError("fileUnsupported");
  }
  if (OTHER_MAGIC.some((magic) => magic.every((byte, i) => bytes[i] === byte))) throw new ExtractError("fileUnsupported");
  if (bytes.includes(0)) throw new ExtractError("fileUnsupported");
  const text = decodeUtf8(bytes);
  return HTML_START.test(text.slice(0, 4096)) ? "html" : "txt";
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    // Strips a byte-order mark; refuses any invalid sequence instead of replacing it.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ExtractError("fileInvalidUtf8");
  }
}

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dd, dt";

/** Readability finds the main text; its blocks become paragraphs separated by blank lines. */
function htmlText(html: string): { text: string; title: string | null } {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  if (!article?.content) throw new ExtractError("htmlNoText");
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const paragraphs: string[] = [];
  for (const element of content.querySelectorAll(BLOCKS)) {
    // Only the innermost blocks: a <li> holding a <p> is one paragraph, not two.
    if (element.querySelector(BLOCKS)) continue;
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text) paragraphs.push(text);
  }
  if (paragraphs.length === 0) throw new ExtractError("htmlNoText");
  return { text: paragraphs.join("\n\n"), title: article.title?.trim() || null };
}

async function pdfText(bytes: Uint8Array): Promise<{ text: string; title: null }> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    throw new ExtractError((error as { name?: string }).name === "PasswordException" ? "pdfEncrypted" : "fileUnreadable");
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const pages = text.map((page) => page.trim()).filter(Boolean);
    if (pages.length === 0) throw new ExtractError("pdfNoText");
    // A PDF's own Title is often a tool's placeholder ("Microsoft Word - …", "about:blank"): not offered.
    return { text: pages.join("\n\n"), title: null };
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw new ExtractError("fileUnreadable");
  } finally {
    await pdf.loadingTask.destroy().catch(() => undefined);
  }
}

async function docxText(bytes: Uint8Array): Promise<{ text: string; title: null }> {
  const mammoth = (await import("mammoth")).default;
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch {
    throw new ExtractError("fileUnreadable");
  }
  // mammoth ends every paragraph with a blank line; keep the blank lines between them only.
  const text = value.replace(/\n{3,}/g, "\n\n").trim();
  if (!text) throw new ExtractError("docxNoText");
  return { text, title: null };
}

/** The text of an uploaded file, or an ExtractError naming what is wrong with it. */
export async function extractFile(bytes: Uint8Array, maxBytes: number): Promise<ExtractedFile> {
  if (bytes.length === 0) throw new ExtractError("fileEmpty");
  if (bytes.length > maxBytes) throw new ExtractError("fileTooLarge");
  const type = sniffType(bytes);
  const extracted =
    type === "pdf"
      ? await pdfText(bytes)
      : type === "docx"
        ? await docxText(bytes)
        : type === "html"
          ? htmlText(decodeUtf8(bytes))
          : { text: decodeUtf8(bytes), title: null };
  const text = normalizeLineEndings(extracted.text);
  if (!text.trim()) throw new ExtractError(type === "txt" ? "fileEmpty" : "fileUnreadable");
  return { type, mediaType: SOURCE_FILE_TYPES[type], text, title: extracted.title, size: bytes.length, sha256: sha256Hex(bytes) };
}
