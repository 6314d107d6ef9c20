import { handle, parseQuery, READ_ONLY } from "@/lib/api/http";
import { listApiCountries } from "@/lib/api/queries";
import { noParamsSchema } from "@/lib/api/schemas";
import { serializeCountry } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/countries: every country with its initiative counts. Schema: CountryList. */
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    const countries = await listApiCountries(prisma);
    return freshJson(request, { data: countries.map(serializeCountry) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;
