import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { publicData } from "@/lib/cache/public-data";
import { initiativePreview, PREVIEW_SIZE } from "@/lib/embeds/preview-image";
import { localized } from "@/lib/i18n/localized";

export const size = PREVIEW_SIZE;
export const contentType = "image/png";
export const alt = "Summit Initiatives Tracker";

/** The picture a shared link to this initiative shows (Open Graph and Twitter). */
export default async function Image({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const initiative = await publicData.initiative(slug, 1, 1);
  if (!initiative) notFound();
  const [tMeta, tStatus, tStage, tEmbed, tCommon] = await Promise.all([
    getTranslations({ locale, namespace: "meta" }),
    getTranslations({ locale, namespace: "status" }),
    getTranslations({ locale, namespace: "stage" }),
    getTranslations({ locale, namespace: "embed" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  return initiativePreview({
    site: tMeta("title"),
    title: localized(locale, initiative.titleRu, initiative.titleEn),
    status: initiative.status,
    statusLabel: tStatus(initiative.status),
    stageLine: tEmbed("stage", { stage: initiative.stage ? tStage(initiative.stage) : tCommon("unknown") }),
  });
}
