import { handle, jsonResponse, parseQuery, READ_ONLY } from "@/lib/api/http";
import { listApiCountries } from "@/lib/api/queries";
import { noParamsSchema } from "@/lib/api/schemas";
import { serializeCountry } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";

/** GET /api/v1/countries: every country with its initiative counts. Schema: CountryList. */
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(request, async () => {
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    const countries = await listApiCountries(prisma);
    return jsonResponse({ data: countries.map(serializeCountry) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;
