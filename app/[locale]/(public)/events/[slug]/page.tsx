import type { Metadata } from "next";
import { AsWritten } from "@/components/as-written";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/card";
import { RecordHistoryList } from "@/components/record-history-list";
import { StatusBadge } from "@/components/status-badge";
import { publicData } from "@/lib/cache/public-data";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

const SLUG = /^[a-z0-9-]{1,200}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const locale = await pageLocale(params);
  const event = SLUG.test(slug) ? await publicData.event(slug) : null;
  return { title: event ? localized(locale, event.nameRu, event.nameEn) : (await getTranslations({ locale, namespace: "events" }))("title") };
}

/** An event: where and when (as the sources state it), who attended, its initiatives, its re-announcements, its history. */
export default async function EventPage({ params }: Props) {
  const { slug } = await params;
  const locale = await pageLocale(params);
  const event = SLUG.test(slug) ? await publicData.event(slug) : null;
  if (!event) notFound();
  const [t, tCommon] = await Promise.all([getTranslations("events"), getTranslations("common")]);
  const l = (ru: string | null, en: string | null) => localized(locale, ru, en);
  const unknown = <span className="italic text-slate-600">{tCommon("unknown")}</span>;
  const list = (rows: typeof event.initiatives, testId: string) =>
    rows.length === 0 ? (
      <p className="mt-2 text-slate-700">{t("noneListed")}</p>
    ) : (
      <ul className="mt-2 space-y-2" data-testid={testId}>
        {rows.map((initiative) => (
          <li key={initiative.slug} className="flex flex-wrap items-center gap-2">
            <Link href={`/initiatives/${initiative.slug}`} className="text-blue-800 underline">
              {l(initiative.titleRu, initiative.titleEn)}
            </Link>
            <StatusBadge status={initiative.status} />
          </li>
        ))}
      </ul>
    );
  return (
    <div className="space-y-6">
      <header>
        <p>
          <Link href="/events" className="text-blue-800 underline">
            {t("title")}
          </Link>
        </p>
        <h1 className="mt-1 text-3xl font-bold">{l(event.nameRu, event.nameEn)}</h1>
        <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("place")}</dt>
          <dd>{l(event.placeRu, event.placeEn) ?? unknown}</dd>
          <dt className="font-medium">{t("date")}</dt>
          <dd>{event.dateText ? <AsWritten text={event.dateText} /> : unknown}</dd>
          <dt className="font-medium">{t("attendance")}</dt>
          <dd>{event.attendance.length ? event.attendance.map((country) => l(country.nameRu, country.nameEn)).join(", ") : unknown}</dd>
        </dl>
      </header>
      <Card id="event-initiatives" title={t("initiativesHere")}>
        {list(event.initiatives, "event-initiatives")}
      </Card>
      <Card id="event-reannounced" title={t("reannouncedHere")}>
        {list(event.reannounced, "event-reannounced")}
      </Card>
      <RecordHistoryList entries={event.history} subject="event" />
    </div>
  );
}
