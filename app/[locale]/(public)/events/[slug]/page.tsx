import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RecordHistoryList } from "@/components/record-history-list";
import { StatusBadge } from "@/components/status-badge";
import { publicData } from "@/lib/cache/public-data";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

const SLUG = /^[a-z0-9-]{1,200}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const event = SLUG.test(slug) ? await publicData.event(slug) : null;
  return { title: event ? localized(locale, event.nameRu, event.nameEn) : (await getTranslations({ locale, namespace: "events" }))("title") };
}

/** An event: where and when (as the sources state it), who attended, its initiatives, its re-announcements, its history. */
export default async function EventPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
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
          <dd>{event.dateText ? <span lang="ru">{event.dateText}</span> : unknown}</dd>
          <dt className="font-medium">{t("attendance")}</dt>
          <dd>{event.attendance.length ? event.attendance.map((country) => l(country.nameRu, country.nameEn)).join(", ") : unknown}</dd>
        </dl>
      </header>
      <section aria-labelledby="event-initiatives" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="event-initiatives" className="text-xl font-semibold">
          {t("initiativesHere")}
        </h2>
        {list(event.initiatives, "event-initiatives")}
      </section>
      <section aria-labelledby="event-reannounced" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="event-reannounced" className="text-xl font-semibold">
          {t("reannouncedHere")}
        </h2>
        {list(event.reannounced, "event-reannounced")}
      </section>
      <RecordHistoryList entries={event.history} subject="event" />
    </div>
  );
}
