import { getTranslations } from "next-intl/server";
import type { InitiativeStatus } from "@/lib/domain/vocabulary";
import { getEnv } from "@/lib/env";
import { Card } from "@/components/card";

/** The embed code for other sites: the status card in an iframe and the SVG badge, ready to copy. */
export async function ShareSection({ slug, locale, status }: { slug: string; locale: string; status: InitiativeStatus }) {
  const [t, tStatus] = await Promise.all([getTranslations("share"), getTranslations("status")]);
  const base = getEnv().PUBLIC_URL;
  const lang = locale === "en" ? "?lang=en" : "";
  const card = `<iframe src="${base}/embed/initiatives/${slug}${lang}" title="${tStatus(status)}" width="420" height="220" style="border:0"></iframe>`;
  const badge = `<img src="${base}/embed/initiatives/${slug}/badge.svg${lang}" alt="${tStatus(status)}">`;
  return (
    <Card id="share-title" title={t("title")}>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <h3 className="mt-4 font-semibold">{t("cardCode")}</h3>
      <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-3 text-sm">
        <code>{card}</code>
      </pre>
      <h3 className="mt-4 font-semibold">{t("badgeCode")}</h3>
      <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-3 text-sm">
        <code>{badge}</code>
      </pre>
      <p className="mt-2">
        {/* eslint-disable-next-line @next/next/no-img-element -- the badge exactly as the embed code above shows it, not an optimised copy */}
        <img src={`/embed/initiatives/${slug}/badge.svg${lang}`} alt={t("preview", { status: tStatus(status) })} height={20} />
      </p>
    </Card>
  );
}
