import type { IncomingMessage } from "node:http";

/**
 * Requests Next.js itself would answer with a bare 500 (no security headers, no log line), found
 * before Next.js sees them: a malformed percent-escape in the path (also once decoded, as the
 * router decodes again), TRACE/TRACK, and server-action posts that are too big, have no length,
 * are not a form, are multipart without a boundary, or whose multipart framing is broken.
 */
export interface Refusal {
  status: number;
  error: string;
  reason: string;
}

/** Next.js's own limit for server-action bodies (serverActions.bodySizeLimit, 1 MB). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

function decodesTwice(path: string): boolean {
  try {
    decodeURIComponent(decodeURIComponent(path));
    return true;
  } catch {
    return false;
  }
}

export function refuseRawRequest(request: Pick<IncomingMessage, "method" | "url" | "headers">): Refusal | null {
  const method = (request.method ?? "").toUpperCase();
  if (method === "TRACE" || method === "TRACK") return { status: 400, error: `Method ${method} is not supported.`, reason: "method" };
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  if (!decodesTwice(path)) return { status: 400, error: "Malformed percent-encoding in the address.", reason: "malformed_path" };
  if (method === "POST" && request.headers["next-action"] !== undefined) {
    // Browsers send a length with every form; without one (chunked) Next reads past its limit and fails with a 500.
    if (request.headers["content-length"] === undefined)
      return { status: 411, error: "A form must be sent with its length (Content-Length).", reason: "action_no_length" };
    const length = Number(request.headers["content-length"]);
    if (length > ACTION_BODY_LIMIT) return { status: 413, error: "The form is too large to be saved (at most 1 MB).", reason: "action_too_large" };
    // Every form of ours posts multipart/form-data (or urlencoded without JavaScript); nothing else is an action call we made.
    const contentType = String(request.headers["content-type"] ?? "");
    const type = contentType.split(";")[0]!.trim().toLowerCase();
    if (type !== "multipart/form-data" && type !== "application/x-www-form-urlencoded") {
      return { status: 415, error: "A form must be sent as multipart/form-data.", reason: "action_content_type" };
    }
    // Without its boundary a multipart body cannot be split into fields (Next's parser throws).
    if (type === "multipart/form-data" && !/;\s*boundary=("[^"]{1,70}"|[^\s;"]{1,70})/i.test(contentType)) {
      return { status: 400, error: "The form is malformed: multipart/form-data without a boundary.", reason: "action_no_boundary" };
    }
  }
  return null;
}

/** The boundary of a multipart/form-data content type (unquoted), or null. */
function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Whether a request is a multipart server-action post whose body must be read and checked first. */
export function needsMultipartCheck(request: Pick<IncomingMessage, "method" | "headers">): boolean {
  if ((request.method ?? "").toUpperCase() !== "POST" || request.headers["next-action"] === undefined) return false;
  return boundaryOf(String(request.headers["content-type"] ?? "")) !== null;
}

const MALFORMED_FORM: Refusal = { status: 400, error: "The form is malformed: its multipart body is cut off or broken.", reason: "action_malformed_multipart" };

/**
 * Checks a multipart body's framing the way Next's parser (busboy) needs it — an opening
 * delimiter, each part's header block ending in an empty line with `name: value` lines, a
 * delimiter after each part's content, and the closing delimiter — because a body that breaks
 * off (right Content-Length, content cut mid-part) makes Next answer a bare 500.
 */
export function refuseMultipartBody(contentType: string, body: Buffer): Refusal | null {
  const boundary = boundaryOf(contentType);
  if (!boundary) return null;
  // latin1 maps each byte to one character, so offsets are byte offsets whatever the content.
  const text = body.toString("latin1");
  const delimiter = `--${boundary}`;
  let at = text.startsWith(delimiter) ? 0 : text.indexOf(`\r\n${delimiter}`);
  if (at < 0) return MALFORMED_FORM;
  if (at > 0) at += 2;
  for (;;) {
    const after = at + delimiter.length;
    if (text.startsWith("--", after)) return null;
    // Transport padding (spaces, tabs) may follow a delimiter before its line break.
    let lineEnd = after;
    while (text[lineEnd] === " " || text[lineEnd] === "\t") lineEnd++;
    if (!text.startsWith("\r\n", lineEnd)) return MALFORMED_FORM;
    const headersStart = lineEnd + 2;
    // A part without headers starts its content right after the empty line.
    const headersEnd = text.startsWith("\r\n", headersStart) ? headersStart - 2 : text.indexOf("\r\n\r\n", headersStart);
    if (headersEnd < 0) return MALFORMED_FORM;
    const lines = headersEnd > headersStart ? text.slice(headersStart, headersEnd).split("\r\n") : [];
    if (!lines.every((line) => /^[!#-'*+.0-9A-Z^_`a-z|~-]+:/.test(line))) return MALFORMED_FORM;
    const next = text.indexOf(`\r\n${delimiter}`, headersEnd + 4);
    if (next < 0) return MALFORMED_FORM;
    at = next + 2;
  }
}
