import type { Metadata } from "next";
import { AsWritten } from "@/components/as-written";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { publicData } from "@/lib/cache/public-data";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ColumnHeadings } from "@/components/data-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "events" }))("title") };
}

/** Every meeting and visit initiatives are filed under or were announced again at. */
export default async function EventsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const [t, tCommon, events, user] = await Promise.all([getTranslations("events"), getTranslations("common"), publicData.events(), getCurrentUser()]);
  const l = (ru: string | null, en: string | null) => localized(locale, ru, en);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        {hasPermission(user, "initiative:edit") && (
          <Link href="/editor/events/new" className="font-medium text-blue-800 underline">
            {t("add")}
          </Link>
        )}
      </header>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <thead>
            <ColumnHeadings
              headings={[
                t("name"),
                t("place"),
                t("date"),
                { label: t("initiatives"), className: "text-right" },
                { label: t("reannounced"), className: "text-right" },
              ]}
              className="py-2 pr-3 last:pr-0"
              rowClassName="border-b border-slate-300"
            />
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.slug} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3">
                  <Link href={`/events/${event.slug}`} className="text-blue-800 underline">
                    {l(event.nameRu, event.nameEn)}
                  </Link>
                </td>
                <td className="py-2 pr-3">{l(event.placeRu, event.placeEn) ?? <span className="italic text-slate-600">{tCommon("unknown")}</span>}</td>
                <td className="py-2 pr-3">
                  {event.dateText ? <AsWritten text={event.dateText} /> : <span className="italic text-slate-600">{tCommon("unknown")}</span>}
                </td>
                <td className="py-2 pr-3 text-right">{event.initiatives}</td>
                <td className="py-2 text-right">{event.reannounced}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
