import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { THEMES } from "@/lib/domain/vocabulary";
import { HISTORY_COLUMNS, historyRows, INITIATIVE_COLUMNS, initiativeRows, toCsv } from "@/lib/exports/export-data";
import { requestOrigin } from "@/lib/http/request-origin";
import { parseQueryStrict } from "@/lib/initiatives/query-initiatives";

export const dynamic = "force-dynamic";

const FILES = ["initiatives.csv", "initiatives.json", "history.csv", "history.json"] as const;

const historyFilterSchema = z
  .object({
    initiative: z.string().min(1).max(200).optional(),
    // Only a–z are upper-cased ("ß".toUpperCase() is "SS", a real code).
    country: z.preprocess((value) => (typeof value === "string" ? value.replace(/[a-z]/g, (c) => c.toUpperCase()) : value), z.string().regex(/^[A-Z]{2}$/)).optional(),
    theme: z.enum(THEMES).optional(),
    since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  })
  .strict();

function error(status: number, message: string, details: { parameter: string; message: string }[] = []) {
  return Response.json({ error: message, details }, { status });
}

function issues(zodError: z.ZodError) {
  return zodError.issues.map((issue) => ({ parameter: issue.path.join(".") || String((issue as { keys?: string[] }).keys?.[0] ?? ""), message: issue.message }));
}

/** Downloads of the filtered list (exactly its rows, all pages) and of the history. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!(FILES as readonly string[]).includes(file)) return error(404, `Unknown export "${file}". Available: ${FILES.join(", ")}.`);
  const [name, format] = file.split(".") as ["initiatives" | "history", "csv" | "json"];
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { lang = "ru", ...rest } = search;
  if (lang !== "ru" && lang !== "en") return error(400, "Invalid parameters.", [{ parameter: "lang", message: "Use ru or en." }]);

  let columns: readonly string[];
  let rows: Record<string, unknown>[];
  if (name === "initiatives") {
    const { page: _page, pageSize: _pageSize, ...filters } = rest;
    // parseQueryStrict copies the filters by assignment, which would drop a `__proto__` key unnoticed.
    if (Object.hasOwn(filters, "__proto__")) return error(400, "Invalid parameters.", [{ parameter: "__proto__", message: "Unrecognized key" }]);
    const parsed = parseQueryStrict(filters);
    if (!parsed.success) return error(400, "Invalid parameters.", issues(parsed.error));
    columns = INITIATIVE_COLUMNS;
    rows = await initiativeRows(prisma, parsed.data, lang, requestOrigin(request));
  } else {
    const parsed = historyFilterSchema.safeParse(rest);
    if (!parsed.success) return error(400, "Invalid parameters.", issues(parsed.error));
    columns = HISTORY_COLUMNS;
    rows = await historyRows(prisma, {
      initiativeSlug: parsed.data.initiative,
      countryCode: parsed.data.country,
      theme: parsed.data.theme,
      since: parsed.data.since ? new Date(parsed.data.since) : undefined,
    });
  }

  const stamp = new Date().toISOString().slice(0, 10);
  const headers = {
    "Content-Disposition": `attachment; filename="${name}-${stamp}.${format}"`,
    "Cache-Control": "no-store",
  };
  if (format === "json") {
    return new Response(`${JSON.stringify({ columns, rows }, null, 2)}\n`, {
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
    });
  }
  return new Response(toCsv(columns, rows), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
