import "server-only";
import { createFormatter, createTranslator } from "use-intl/core";
import { STATUS_FILL } from "../charts/palette";
import type { CountryPage } from "../countries/get-country";
import { INITIATIVE_STATUSES, type InitiativeStatus } from "../domain/vocabulary";
import { getEnv } from "../env";
import { localePath } from "../i18n/locale-path";
import { loadMessages } from "../i18n/load-messages";
import type { Locale } from "../i18n/routing";
import type { InitiativeDetail } from "../initiatives/get-initiative";
import { shareDescription } from "./share-description";

/**
 * The status cards other sites put in an iframe (/embed/…) as whole HTML documents, and the
 * SVG badge: no scripts, one inline style sheet, links that open the tracker in a new tab.
 * These are the only responses that may be framed (decision 019).
 */

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

type T = (key: string, values?: Record<string, string | number>) => string;

async function translator(locale: Locale) {
  const messages = await loadMessages(locale);
  return { t: createTranslator({ locale, messages }) as T, format: createFormatter({ locale, timeZone: "UTC" }) };
}

const STYLE = `*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#fff}
article{padding:12px 14px;border:1px solid #cbd5e1;border-radius:8px}
.kicker{margin:0;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#475569}
h1{margin:4px 0 8px;font-size:17px;line-height:1.3}a{color:#1e40af}a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.badge{display:inline-block;border-radius:999px;padding:1px 9px;font-size:13px;font-weight:600;white-space:nowrap}
p{margin:6px 0}ul{margin:6px 0;padding-left:0;list-style:none}li{margin:4px 0}.muted{color:#475569;font-size:13px}`;

function badge(status: InitiativeStatus, t: T): string {
  const { fill, text } = STATUS_FILL[status];
  return `<span class="badge" data-status="${status}" style="background:${fill};color:${text}">${escapeXml(t(`status.${status}`))}</span>`;
}

/**
 * A card names the tracker's own page as canonical, so a search engine that meets the card counts
 * it as that page rather than as a copy; the "not found" card is not to be indexed at all.
 */
function page(locale: Locale, title: string, body: string, about?: { canonical: string; description: string }): string {
  const head = about
    ? `<meta name="description" content="${escapeXml(about.description)}"><link rel="canonical" href="${escapeXml(about.canonical)}">`
    : `<meta name="robots" content="noindex">`;
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${head}<title>${escapeXml(title)}</title><style>${STYLE}</style></head><body><article>${body}</article></body></html>`;
}

/** `origin`: the tracker's address as the request reached it, for the canonical link. */
export async function renderInitiativeCard(initiative: InitiativeDetail, locale: Locale, origin: string): Promise<string> {
  const { t, format } = await translator(locale);
  const title = locale === "en" ? initiative.titleEn : initiative.titleRu;
  const last = initiative.history[0]?.recordedAt;
  const link = localePath(locale, `/initiatives/${initiative.slug}`);
  return page(
    locale,
    title,
    [
      `<p class="kicker">${escapeXml(t("meta.title"))}</p>`,
      `<h1><a href="${link}" target="_blank" rel="noopener">${escapeXml(title)}</a></h1>`,
      `<p>${badge(initiative.status, t)} <span class="muted">${escapeXml(t("embed.stage", { stage: initiative.stage ? t(`stage.${initiative.stage}`) : t("common.unknown") }))}</span></p>`,
      last ? `<p class="muted">${escapeXml(t("embed.lastChange", { date: format.dateTime(last, { dateStyle: "long" }) }))}</p>` : "",
      `<p><a href="${link}" target="_blank" rel="noopener">${escapeXml(t("embed.details"))}</a></p>`,
    ].join(""),
    {
      canonical: `${origin}${link}`,
      description: shareDescription(
        t("share.initiativeDescription", { status: t(`status.${initiative.status}`), summary: locale === "en" ? initiative.summaryEn : initiative.summaryRu }),
      ),
    },
  );
}

export async function renderCountryCard(country: CountryPage, locale: Locale, origin: string): Promise<string> {
  const { t } = await translator(locale);
  const name = locale === "en" ? country.nameEn : country.nameRu;
  const link = localePath(locale, `/countries/${country.code}`);
  const counts = INITIATIVE_STATUSES.map((status) => [status, country.initiatives.filter((i) => i.status === status).length] as const).filter(([, n]) => n > 0);
  const shown = country.initiatives.slice(0, 5);
  return page(
    locale,
    name,
    [
      `<p class="kicker">${escapeXml(t("meta.title"))}</p>`,
      `<h1><a href="${link}" target="_blank" rel="noopener">${escapeXml(name)}</a></h1>`,
      `<p>${escapeXml(t("embed.initiatives", { count: country.initiatives.length }))}</p>`,
      counts.length ? `<p>${counts.map(([status, n]) => `${badge(status, t)}&nbsp;${n}`).join(" ")}</p>` : "",
      shown.length
        ? `<ul>${shown.map((i) => `<li><a href="${localePath(locale, `/initiatives/${i.slug}`)}" target="_blank" rel="noopener">${escapeXml(locale === "en" ? i.titleEn : i.titleRu)}</a> ${badge(i.status, t)}</li>`).join("")}</ul>`
        : "",
      country.initiatives.length > shown.length
        ? `<p class="muted">${escapeXml(t("embed.more", { count: country.initiatives.length - shown.length }))}</p>`
        : "",
      `<p><a href="${link}" target="_blank" rel="noopener">${escapeXml(t("embed.details"))}</a></p>`,
    ].join(""),
    { canonical: `${origin}${link}`, description: t("share.countryDescription", { country: name, count: country.initiatives.length }) },
  );
}

/** Rough advance widths at 11 px (Verdana-like): wide enough for Cyrillic, never clipped. */
const textWidth = (text: string) => Math.ceil([...text].reduce((sum, c) => sum + (/[A-Za-z0-9 ]/.test(c) ? 6.6 : 7.6), 0)) + 12;

export async function renderInitiativeBadge(initiative: InitiativeDetail, locale: Locale): Promise<string> {
  const { t } = await translator(locale);
  const label = t("embed.badgeLabel");
  const value = t(`status.${initiative.status}`);
  const { fill, text } = STATUS_FILL[initiative.status];
  const lw = textWidth(label);
  const vw = textWidth(value);
  const w = lw + vw;
  const title = `${locale === "en" ? initiative.titleEn : initiative.titleRu}: ${value}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" viewBox="0 0 ${w} 20" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title><clipPath id="r"><rect width="${w}" height="20" rx="3"/></clipPath><g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#334155"/><rect x="${lw}" width="${vw}" height="20" fill="${fill}"/></g><g font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${lw / 2}" y="14" fill="#ffffff">${escapeXml(label)}</text><text x="${lw + vw / 2}" y="14" fill="${text}">${escapeXml(value)}</text></g></svg>`;
}

export async function renderMissing(locale: Locale): Promise<string> {
  const { t } = await translator(locale);
  return page(locale, t("embed.missing"), `<p class="kicker">${escapeXml(t("meta.title"))}</p><p>${escapeXml(t("embed.missing"))}</p>`);
}

/**
 * Cacheable for five minutes by browsers and shared caches (a change shows within that), and
 * frameable only by the sites EMBED_FRAME_ANCESTORS names.
 */
export function embedResponse(body: string, type: "html" | "svg", status = 200): Response {
  const ancestors = getEnv().EMBED_FRAME_ANCESTORS;
  // connect-src 'self': a card runs no script, so this only lets crawlers' tools that read the
  // site's robots.txt from within the page (Lighthouse does) reach it.
  const csp =
    type === "html"
      ? `default-src 'none'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`
      : `default-src 'none'; style-src 'unsafe-inline'; frame-ancestors ${ancestors}`;
  return new Response(body, {
    status,
    headers: {
      "Content-Type": type === "html" ? "text/html; charset=utf-8" : "image/svg+xml; charset=utf-8",
      "Cache-Control": status === 200 ? "public, max-age=300, stale-while-revalidate=3600" : "public, max-age=60",
      "Content-Security-Policy": csp,
      "Cross-Origin-Resource-Policy": "cross-origin",
      ...(type === "svg" ? { "Access-Control-Allow-Origin": "*" } : {}),
    },
  });
}
