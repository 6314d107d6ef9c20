import type { z } from "zod";
import { handleRoute, jsonError, MAX_ERROR_DETAILS, type ErrorDetail } from "../http/json-error";

export type { ErrorDetail };

/**
 * Responses and parameter checks shared by every route under app/api/v1: JSON bodies, the
 * open-data headers, and the one error shape `{ error, details: [{ parameter, message }] }`.
 */

export const API_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/json; charset=utf-8",
  // Read-only open data: anyone may read it from any origin; caches must ask again every time.
  "Cache-Control": "public, max-age=0, must-revalidate",
  "Access-Control-Allow-Origin": "*",
  "X-Content-Type-Options": "nosniff",
};

export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...API_HEADERS, ...headers } });
}

export function errorResponse(status: number, error: string, details: ErrorDetail[] = [], headers: Record<string, string> = {}): Response {
  return jsonError(status, error, details, { ...API_HEADERS, "Cache-Control": "no-store", ...headers });
}

export function badRequest(details: ErrorDetail[]): Response {
  const names = [...new Set(details.map((detail) => detail.parameter))];
  const listed =
    names.length > MAX_ERROR_DETAILS ? `${names.slice(0, MAX_ERROR_DETAILS).join(", ")} and ${names.length - MAX_ERROR_DETAILS} more` : names.join(", ");
  return errorResponse(400, `Invalid parameter${names.length === 1 ? "" : "s"}: ${listed}`, details);
}

export function notFound(what: string, parameter: string, value: string): Response {
  return errorResponse(404, `${what} not found`, [{ parameter, message: `no ${what.toLowerCase()} with ${parameter} "${value}"` }]);
}

/** For POST, PUT, PATCH and DELETE: the API is read-only. */
export function methodNotAllowed(request: Request): Response {
  return errorResponse(405, `Method ${request.method} not allowed: this API is read-only`, [], { Allow: ALLOWED_METHODS });
}

/** CORS preflight: GET from anywhere, no credentials. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      "Access-Control-Max-Age": "86400",
      Allow: ALLOWED_METHODS,
    },
  });
}

/** Runs an API handler through the one route wrapper, with the API's headers on its 500. */
export function handle(request: Request, run: () => Promise<Response>): Promise<Response> {
  return handleRoute(request, run, API_HEADERS);
}

/** The query string as single values; a parameter given twice is an error, not a silent choice. */
export function readQuery(url: URL): { params: Record<string, string>; details: ErrorDetail[] } {
  const params: Record<string, string> = {};
  const details: ErrorDetail[] = [];
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(params, key)) {
      if (!details.some((detail) => detail.parameter === key)) details.push({ parameter: key, message: "given more than once" });
      continue;
    }
    // Defined, not assigned: `params["__proto__"] = …` would be dropped silently instead of reported as unknown.
    Object.defineProperty(params, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { params, details };
}

/** One detail per unknown parameter. */
export function unknownParameters(keys: readonly string[], allowed: readonly string[]): ErrorDetail[] {
  const list = allowed.length ? `allowed: ${allowed.join(", ")}` : "this endpoint takes no parameters";
  return keys.map((key) => ({ parameter: key, message: `unknown parameter (${list})` }));
}

/** Readable messages for zod's issues, one detail per parameter (unknown keys get one each). */
export function issueDetails(error: z.ZodError, allowed: readonly string[]): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      details.push(...unknownParameters(issue.keys, allowed));
      continue;
    }
    const parameter = String(issue.path[0] ?? "");
    details.push({ parameter, message: issueMessage(issue) });
  }
  return details;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}`;
    case "invalid_type":
      if (issue.expected === "number" || issue.expected === "int") return "must be a number";
      return issue.message;
    case "too_small":
      if (issue.origin === "string") return `must be at least ${issue.minimum} character${Number(issue.minimum) === 1 ? "" : "s"} long`;
      return issue.inclusive ? `must be at least ${issue.minimum}` : `must be greater than ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string") return `must be at most ${issue.maximum} characters long`;
      return issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`;
    case "invalid_format":
      if (issue.format === "regex" && issue.pattern === String(/^[A-Z]{2}$/)) return "must be a two-letter country code (ISO 3166-1 alpha-2)";
      return issue.message;
    default:
      return issue.message;
  }
}

/** Adds zod's complaints to `details`, except about parameters already reported (e.g. given twice). */
export function addIssues(details: ErrorDetail[], error: z.ZodError, allowed: readonly string[]): void {
  const reported = new Set(details.map((detail) => detail.parameter));
  details.push(...issueDetails(error, allowed).filter((detail) => !reported.has(detail.parameter)));
}

/** Parses a query against a strict object schema; a 400 response when anything is wrong. */
export function parseQuery<S extends z.ZodType>(
  url: URL,
  schema: S,
  allowed: readonly string[],
): { ok: true; value: z.output<S> } | { ok: false; response: Response } {
  const { params, details } = readQuery(url);
  const parsed = schema.safeParse(params);
  if (!parsed.success) addIssues(details, parsed.error, allowed);
  if (details.length) return { ok: false, response: badRequest(details) };
  return { ok: true, value: parsed.data as z.output<S> };
}

/** An absolute URL for the same path with other parameters (for pagination links). */
export function pageLink(url: URL, params: URLSearchParams): string {
  const link = new URL(url.pathname, url.origin);
  link.search = params.toString();
  return link.toString();
}

/** The handlers every route exports besides GET: the API is read-only, and open to any origin. */
export const READ_ONLY = {
  POST: methodNotAllowed,
  PUT: methodNotAllowed,
  PATCH: methodNotAllowed,
  DELETE: methodNotAllowed,
  OPTIONS: preflight,
} as const;
