import "server-only";
import { createHash } from "node:crypto";
import { publicData } from "../cache/public-data";
import { API_HEADERS } from "./http";

/**
 * A 200 JSON answer that clients can revalidate: an ETag of the body and the time of the
 * tracker's last change as Last-Modified; a matching If-None-Match (or, without one, an
 * If-Modified-Since at or after the last change) gets 304 with no body.
 */
export async function freshJson(request: Request, body: unknown): Promise<Response> {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const lastChange = await publicData.lastChange();
  // HTTP dates have whole seconds.
  const lastModified = new Date(Math.floor(lastChange.getTime() / 1000) * 1000);
  const validators = { ETag: etag, "Last-Modified": lastModified.toUTCString() };
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = Date.parse(request.headers.get("if-modified-since") ?? "");
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === etag)
    : !Number.isNaN(ifModifiedSince) && ifModifiedSince >= lastModified.getTime();
  const headers = { ...API_HEADERS, ...validators };
  return notModified ? new Response(null, { status: 304, headers }) : new Response(text, { status: 200, headers });
}
