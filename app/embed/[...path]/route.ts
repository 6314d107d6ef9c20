import { publicData } from "@/lib/cache/public-data";
import { handleRoute } from "@/lib/http/json-error";
import { requestOrigin } from "@/lib/http/request-origin";
import { isLocale } from "@/lib/i18n/routing";
import { embedResponse, renderCountryCard, renderInitiativeBadge, renderInitiativeCard, renderMissing } from "@/lib/embeds/render-embed";
import { mergedTarget, permanentRedirectResponse } from "@/lib/initiatives/merged-target";
import { prisma } from "@/lib/db/prisma";

/**
 * Embeds for other sites (docs/embeds.md): /embed/initiatives/<slug> and /embed/countries/<CODE>
 * (small HTML status cards for an iframe), /embed/initiatives/<slug>/badge.svg; ?lang=ru|en.
 * Outside app/[locale]: proxy.ts sends /embed/ past the locale routing.
 */
export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  return handleRoute(request, async () => embed(request, (await context.params).path));
}

async function embed(request: Request, path: string[]): Promise<Response> {
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = lang !== null && isLocale(lang) ? lang : "ru";
  const [kind, key, file, ...rest] = path;
  if (rest.length === 0 && kind === "initiatives" && key) {
    const initiative = await publicData.initiative(key, 1, 1);
    if (!initiative) {
      // A merged duplicate's card and badge are the kept initiative's.
      const kept = await mergedTarget(prisma, key);
      if (kept) return permanentRedirectResponse(`/embed/initiatives/${encodeURIComponent(kept)}${file ? `/${file}` : ""}${new URL(request.url).search}`);
      return embedResponse(await renderMissing(locale), "html", 404);
    }
    if (file === "badge.svg") return embedResponse(await renderInitiativeBadge(initiative, locale), "svg");
    if (file === undefined) return embedResponse(await renderInitiativeCard(initiative, locale, requestOrigin(request)), "html");
  }
  if (rest.length === 0 && kind === "countries" && key && file === undefined) {
    const country = await publicData.countryPage(key, 1);
    if (!country) return embedResponse(await renderMissing(locale), "html", 404);
    return embedResponse(await renderCountryCard(country, locale, requestOrigin(request)), "html");
  }
  return embedResponse(await renderMissing(locale), "html", 404);
}
