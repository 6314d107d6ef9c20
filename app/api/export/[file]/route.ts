import { errorResponse, issueDetails } from "@/lib/api/http";
import { prisma } from "@/lib/db/prisma";
import { historyQuerySchema } from "@/lib/api/schemas";
import { csvChunks, HISTORY_COLUMNS, historyRows, INITIATIVE_COLUMNS, initiativeRows, jsonChunks, streamBody } from "@/lib/exports/export-data";
import { exportLabeller, labelPages } from "@/lib/exports/export-labels";
import { handleRoute } from "@/lib/http/json-error";
import { requestOrigin } from "@/lib/http/request-origin";
import { isLocale } from "@/lib/i18n/routing";
import { initiativeQuerySchema, parseQueryStrict } from "@/lib/initiatives/query-initiatives";
import { dateToDay } from "@/lib/dates";
import { changedOnOrAfter } from "@/lib/history/list-history";

export const dynamic = "force-dynamic";

const FILES = ["initiatives.csv", "initiatives.json", "history.csv", "history.json"] as const;

// The API's history parameters: a download holds every page, so it takes no paging.
const historyFilterSchema = historyQuerySchema.omit({ page: true, pageSize: true });

// What each download takes besides its filters, named in the message about an unknown parameter.
const COMMON = ["lang", "labels"];
const INITIATIVE_PARAMETERS = [...Object.keys(initiativeQuerySchema.shape), ...COMMON];
const HISTORY_PARAMETERS = [...Object.keys(historyFilterSchema.shape), ...COMMON];

/** Downloads of the filtered list (exactly its rows, all pages) and of the history. */
export async function GET(request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  return handleRoute(request, () => exportFile(request, context.params), { "Access-Control-Allow-Origin": "*" });
}

async function exportFile(request: Request, params: Promise<{ file: string }>): Promise<Response> {
  const { file } = await params;
  if (!(FILES as readonly string[]).includes(file)) return errorResponse(404, `Unknown export "${file}". Available: ${FILES.join(", ")}.`);
  const [name, format] = file.split(".") as ["initiatives" | "history", "csv" | "json"];
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { lang = "ru", labels, ...rest } = search;
  if (!isLocale(lang)) return errorResponse(400, "Invalid parameters.", [{ parameter: "lang", message: "Use ru or en." }]);
  if (labels !== undefined && !isLocale(labels)) return errorResponse(400, "Invalid parameters.", [{ parameter: "labels", message: "Use ru or en." }]);

  let columns: readonly string[];
  let pages: AsyncGenerator<Record<string, unknown>[]>;
  if (name === "initiatives") {
    const { page: _page, pageSize: _pageSize, ...filters } = rest;
    // parseQueryStrict copies the filters by assignment, which would drop a `__proto__` key unnoticed.
    if (Object.hasOwn(filters, "__proto__")) return errorResponse(400, "Invalid parameters.", [{ parameter: "__proto__", message: "Unrecognized key" }]);
    const parsed = parseQueryStrict(filters);
    if (!parsed.success) return errorResponse(400, "Invalid parameters.", issueDetails(parsed.error, INITIATIVE_PARAMETERS));
    columns = INITIATIVE_COLUMNS;
    pages = initiativeRows(prisma, parsed.data, lang, requestOrigin(request));
  } else {
    const parsed = historyFilterSchema.safeParse(rest);
    if (!parsed.success) return errorResponse(400, "Invalid parameters.", issueDetails(parsed.error, HISTORY_PARAMETERS));
    columns = HISTORY_COLUMNS;
    pages = historyRows(prisma, {
      initiativeSlug: parsed.data.initiative,
      countryCode: parsed.data.country,
      theme: parsed.data.theme,
      since: parsed.data.since,
      changedSince: parsed.data.changedSince ? changedOnOrAfter(parsed.data.changedSince) : undefined,
    });
  }

  if (labels !== undefined) pages = labelPages(pages, await exportLabeller(prisma, name, labels));

  const stamp = dateToDay(new Date());
  const headers = {
    "Content-Disposition": `attachment; filename="${name}-${stamp}.${format}"`,
    "Cache-Control": "no-store",
    // Public open data, like the API and the feeds: readable from any origin, never with credentials.
    "Access-Control-Allow-Origin": "*",
  };
  // Streamed a page of rows at a time: memory stays flat and other requests are served meanwhile.
  if (format === "json") {
    return new Response(streamBody(jsonChunks(columns, pages)), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  }
  return new Response(streamBody(csvChunks(columns, pages)), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
