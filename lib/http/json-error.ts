import { log } from "../log";

/**
 * The one error shape every route handler, the proxy and the feeds answer with:
 * `{ error, details: [{ parameter, message }] }` and a status code, plus the request id when the
 * answer is a refusal or a failure the person may need to quote. Errors are never cached: the data
 * (or the parameters) may be right the next time.
 */
export interface ErrorDetail {
  parameter: string;
  message: string;
}

export interface ErrorBody {
  error: string;
  details: ErrorDetail[];
  requestId?: string;
}

/** At most this many details in one error: a query with thousands of bad parameters gets a short answer. */
export const MAX_ERROR_DETAILS = 20;

function capped(details: ErrorDetail[]): ErrorDetail[] {
  if (details.length <= MAX_ERROR_DETAILS) return details;
  const rest = details.length - MAX_ERROR_DETAILS;
  return [...details.slice(0, MAX_ERROR_DETAILS), { parameter: "…", message: `and ${rest} more problem${rest === 1 ? "" : "s"}` }];
}

export function jsonError(status: number, error: string, details: ErrorDetail[] = [], headers: Record<string, string> = {}, requestId?: string): Response {
  const body: ErrorBody = requestId ? { error, details: capped(details), requestId } : { error, details: capped(details) };
  const idHeader: Record<string, string> = requestId ? { "x-request-id": requestId } : {};
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers, ...idHeader } });
}

/** The id the proxy gave this request (lib/security/headers.ts), for logs and error references. */
export function requestIdOf(request: Request): string {
  return request.headers.get("x-request-id") ?? "unknown";
}

/**
 * Runs a route handler; anything it throws is logged with the request id and becomes a JSON 500
 * (never an HTML page, never a stack trace). `headers` go on that 500 (e.g. the API's CORS headers).
 */
export async function handleRoute(request: Request, run: () => Promise<Response>, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    const requestId = requestIdOf(request);
    log("error", "route.failed", { requestId, method: request.method, path: new URL(request.url).pathname, error });
    return jsonError(500, "Internal error", [], headers, requestId);
  }
}
