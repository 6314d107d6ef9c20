/**
 * One address of every page type, without the locale prefix (Russian at `/…`, English at `/en/…`),
 * for the specs that visit them all (accessibility-public.spec.ts: axe, and the width at 390 px;
 * accessibility.spec.ts and phone.spec.ts: the same for the signed-in pages).
 * Data from the seed; the signed-in pages need an editor or admin.
 */
export const LOCALES = ["", "/en"] as const;

export const PUBLIC_PAGES = [
  "/",
  "/initiatives",
  "/initiatives?country=KZ,UZ&notStatus=agreed&q=%D0%B2%D0%BE%D0%B4",
  "/initiatives/water-use-framework-convention",
  "/sources",
  "/sources/1",
  "/search?q=%D0%B2%D0%BE%D0%B4%D0%B0",
  "/countries",
  "/countries/KZ",
  "/targets",
  "/targets/intra-regional-trade-volume",
  "/changes?since=2000-01-01",
  "/events",
  "/events/tashkent-2025",
  "/themes",
  "/themes/water_environment",
  "/compare?i=water-use-framework-convention&i=ai-declaration&i=border-junction-point-treaty",
  "/scorecards",
  "/scorecards/KZ",
  "/scorecards/methodology",
  "/reports/initiatives?theme=water_environment",
  "/reports/countries/KZ",
  "/feed/history",
  "/feed/initiatives/ai-declaration",
  "/feed/countries/KZ",
  "/feed/themes/tourism",
  "/api-docs",
  "/sign-in",
];

/** Framed by other sites (their language is ?lang=en, not a prefix). */
export const EMBEDS = ["/embed/initiatives/ai-declaration", "/embed/countries/KZ", "/embed/initiatives/ai-declaration?lang=en", "/embed/countries/KZ?lang=en"];

export const EDITOR_PAGES = [
  "/editor",
  "/editor/sources/new",
  "/editor/events/new",
  "/editor/sources/1/review",
  "/editor/sources/1/new-initiative?start=247&end=325",
  "/editor/import",
  "/editor/scores/water-use-framework-convention/KZ",
  "/initiatives/ai-declaration",
];

export const ADMIN_PAGES = ["/admin", "/admin/merge"];
