import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/card";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { CreateInitiativeForm } from "@/components/forms/create-initiative-form";
import { userForPage } from "@/lib/auth/page-access";
import { prisma } from "@/lib/db/prisma";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import { pageLocale } from "@/lib/i18n/page-locale";
import { getCreateOptions, getPassage } from "@/lib/intake/create-options";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "create" }))("pageTitle") };
}

const offset = (value: string | string[] | undefined) => (typeof value === "string" && /^[0-9]{1,9}$/.test(value) ? Number(value) : null);

/** "Start a new initiative from it": the review page's passage, and every field the seed sets. */
export default async function NewInitiativePage({ params, searchParams }: Props) {
  const { id } = await params;
  const locale = await pageLocale(params);
  const { allowed } = await userForPage("initiative:edit", locale);
  if (!allowed) return <ForbiddenNotice />;
  const query = await searchParams;
  const sourceId = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null;
  const start = offset(query.start);
  const end = offset(query.end);
  const passage = sourceId !== null && start !== null && end !== null ? await getPassage(prisma, sourceId, start, end) : null;
  if (!passage) notFound();
  const [t, options] = await Promise.all([getTranslations("create"), getCreateOptions(prisma)]);
  const name = (row: { nameRu: string; nameEn: string }) => localized(locale, row.nameRu, row.nameEn);
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "review", "intake", "create", "kind", "meetingRelation"]}>
      <div className="space-y-6">
        <header>
          <h1 className="text-3xl font-bold">{t("pageTitle")}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t("pageIntro")}</p>
          <p className="mt-2">
            <Link href={`/editor/sources/${passage.sourceId}/review`} className="text-blue-800 underline">
              {t("backToReview")}
            </Link>
          </p>
        </header>
        <Card id="passage-title" title={t("passage")}>
          <blockquote className="mt-2 border-l-4 border-violet-400 pl-3 leading-relaxed" lang={passage.language}>
            {passage.text}
          </blockquote>
        </Card>
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <CreateInitiativeForm
            passage={passage}
            persons={options.persons.map((person) => ({ value: String(person.id), label: name(person) }))}
            events={options.events.map((event) => ({ value: String(event.id), label: event.dateText ? `${name(event)} (${event.dateText})` : name(event) }))}
            countries={options.countries.map((country) => ({ value: country.code, label: name(country) }))}
          />
        </div>
      </div>
    </ClientMessages>
  );
}
