import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { CopyField } from "@/components/copy-field";
import { publicData } from "@/lib/cache/public-data";
import { getEnv } from "@/lib/env";
import { atomPath, parseFeedPagePath, type FeedPageTarget } from "@/lib/feeds/feed-page";
import { FEED_ENTRY_LIMIT } from "@/lib/feeds/history-feed";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { pageLocale } from "@/lib/i18n/page-locale";
import type { Locale } from "@/lib/i18n/routing";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; path: string[] }> };

/** The feed's subject by name and the page it belongs to; null when there is no such subject. */
const describe = cache(async (target: FeedPageTarget, locale: Locale): Promise<{ name: string | null; page: string } | null> => {
  switch (target.kind) {
    case "history":
      return { name: null, page: "/changes" };
    case "initiative": {
      const initiative = await publicData.initiative(target.slug);
      return initiative ? { name: localized(locale, initiative.titleRu, initiative.titleEn), page: `/initiatives/${target.slug}` } : null;
    }
    case "country": {
      const country = (await publicData.countries()).find((candidate) => candidate.code === target.code);
      return country ? { name: localized(locale, country.nameRu, country.nameEn), page: `/countries/${target.code}` } : null;
    }
    case "theme": {
      const tTheme = await getTranslations({ locale, namespace: "theme" });
      return { name: tTheme(target.theme), page: `/themes/${target.theme}` };
    }
    case "source": {
      const source = await publicData.source(target.id);
      if (!source) return null;
      const tFeeds = await getTranslations({ locale, namespace: "feeds.content" });
      return { name: source.title ?? tFeeds("untitledSource", { id: target.id }), page: `/sources/${target.id}` };
    }
    case "event": {
      const event = await publicData.event(target.slug);
      return event ? { name: localized(locale, event.nameRu, event.nameEn), page: `/events/${target.slug}` } : null;
    }
    case "metric": {
      const metric = await publicData.metricHistory(target.slug);
      return metric ? { name: localized(locale, metric.nameRu, metric.nameEn), page: `/targets/${target.slug}` } : null;
    }
  }
});

async function load(params: Props["params"]) {
  const locale = await pageLocale(params);
  const target = parseFeedPagePath((await params).path);
  const subject = target ? await describe(target, locale) : null;
  if (!target || !subject) notFound();
  return { locale, target, subject };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, target, subject } = await load(params);
  const t = await getTranslations({ locale, namespace: "feedPage" });
  return {
    title: subject.name ? t("title", { name: subject.name }) : t("titleAll"),
    alternates: { types: { "application/atom+xml": atomPath(target, locale) } },
  };
}

/** A short page about one Atom feed: what it holds, how to follow it, and its address to copy. */
export default async function FeedPage({ params }: Props) {
  const { locale, target, subject } = await load(params);
  const t = await getTranslations("feedPage");
  const address = `${getEnv().PUBLIC_URL}${atomPath(target, locale)}`;
  return (
    <article className="mx-auto max-w-3xl space-y-6" aria-labelledby="feed-title">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("kicker")}</p>
        <h1 id="feed-title" className="text-3xl font-bold">
          {subject.name ? t("title", { name: subject.name }) : t("titleAll")}
        </h1>
      </header>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <p>{t(`holds.${target.kind}`, { limit: FEED_ENTRY_LIMIT })}</p>
        <p>{t("how")}</p>
        <CopyField id="feed-address" label={t("address")} value={address} copyLabel={t("copy")} copiedLabel={t("copied")} />
        <p className="text-sm text-slate-700">{t("language")}</p>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href={subject.page} className="text-blue-800 underline">
            ← {t("back")}
          </Link>
          <a href={atomPath(target, locale)} type="application/atom+xml" className="text-blue-800 underline">
            {t("raw")}
          </a>
        </p>
      </div>
    </article>
  );
}
