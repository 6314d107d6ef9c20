import type { Metadata } from "next";
import { AsWritten } from "@/components/as-written";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/card";
import { FORM_NAMESPACES } from "@/lib/i18n/pick-messages";
import { EditorMessages } from "@/components/editor-messages";
import { CorrectEventForm } from "@/components/forms/editor-forms-on-demand";
import { RecordHistoryList } from "@/components/record-history-list";
import { atomPath } from "@/lib/feeds/feed-page";
import { StatusBadge } from "@/components/status-badge";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { publicData } from "@/lib/cache/public-data";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { loadSlugPage } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, record: event } = await loadSlugPage(params, publicData.event);
  if (!event) return { title: (await getTranslations({ locale, namespace: "events" }))("title") };
  return {
    title: localized(locale, event.nameRu, event.nameEn),
    alternates: { types: { "application/atom+xml": atomPath({ kind: "event", slug: event.slug }, locale) } },
  };
}

/** An event: where and when (as the sources state it), who attended, its initiatives, its re-announcements, its history. */
export default async function EventPage({ params }: Props) {
  const { locale, record: event } = await loadSlugPage(params, publicData.event);
  if (!event) notFound();
  const [t, tCommon, user] = await Promise.all([getTranslations("events"), getTranslations("common"), getCurrentUser()]);
  const canCorrect = hasPermission(user, "initiative:edit");
  const [countries, sources] = canCorrect ? await Promise.all([publicData.countries(), publicData.sources()]) : [[], []];
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
        <p className="mt-3">
          <Link href={`/initiatives?event=${event.slug}`} className="text-blue-800 underline">
            {t("inList")}
          </Link>
        </p>
      </Card>
      <Card id="event-reannounced" title={t("reannouncedHere")}>
        {list(event.reannounced, "event-reannounced")}
      </Card>
      <RecordHistoryList entries={event.history} subject="event" feed={{ kind: "event", slug: event.slug }} />
      {canCorrect && (
        <section aria-labelledby="correct-event-title" className="rounded-lg border border-blue-200 bg-blue-50/40 p-5">
          <EditorMessages namespaces={[...FORM_NAMESPACES, "intake", "create"]}>
            <CorrectEventForm
              eventId={event.id}
              version={event.version}
              initial={{
                nameRu: event.nameRu,
                nameEn: event.nameEn,
                placeRu: event.placeRu ?? "",
                placeEn: event.placeEn ?? "",
                dateText: event.dateText ?? "",
              }}
              attendees={event.attendance.map((country) => ({ value: country.code, label: l(country.nameRu, country.nameEn) ?? country.code }))}
              countries={countries.map((country) => ({ value: country.code, label: l(country.nameRu, country.nameEn) ?? country.code }))}
              sources={sources.map((source) => ({ value: String(source.id), label: source.title ?? source.outlet ?? tCommon("unknown") }))}
            />
          </EditorMessages>
        </section>
      )}
    </div>
  );
}
