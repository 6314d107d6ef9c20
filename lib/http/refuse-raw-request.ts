import type { IncomingMessage } from "node:http";

/**
 * Requests Next.js itself would answer with a bare 500 (no security headers, no log line), found
 * before Next.js sees them: a malformed percent-escape in the path (also once decoded, as the
 * router decodes again), TRACE/TRACK, and server-action posts that are too big, have no length,
 * are not a form, or are multipart without a boundary.
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
    if (request.headers["content-length"] === undefined) return { status: 411, error: "A form must be sent with its length (Content-Length).", reason: "action_no_length" };
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
