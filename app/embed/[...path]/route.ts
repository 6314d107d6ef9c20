import { publicData } from "@/lib/cache/public-data";
import { embedResponse, renderCountryCard, renderInitiativeBadge, renderInitiativeCard, renderMissing } from "@/lib/embeds/render-embed";

/**
 * Embeds for other sites (docs/embeds.md): /embed/initiatives/<slug> and /embed/countries/<CODE>
 * (small HTML status cards for an iframe), /embed/initiatives/<slug>/badge.svg; ?lang=ru|en.
 * Outside app/[locale]: proxy.ts sends /embed/ past the locale routing.
 */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await context.params;
  const locale = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "ru";
  const [kind, key, file, ...rest] = path;
  if (rest.length === 0 && kind === "initiatives" && key) {
    const initiative = await publicData.initiative(key, 1, 1);
    if (!initiative) return embedResponse(await renderMissing(locale), "html", 404);
    if (file === "badge.svg") return embedResponse(await renderInitiativeBadge(initiative, locale), "svg");
    if (file === undefined) return embedResponse(await renderInitiativeCard(initiative, locale), "html");
  }
  if (rest.length === 0 && kind === "countries" && key && file === undefined) {
    const country = await publicData.countryPage(key, 1);
    if (!country) return embedResponse(await renderMissing(locale), "html", 404);
    return embedResponse(await renderCountryCard(country, locale), "html");
  }
  return embedResponse(await renderMissing(locale), "html", 404);
}
