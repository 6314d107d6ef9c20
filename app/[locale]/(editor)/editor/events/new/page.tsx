import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { CreateEventForm } from "@/components/forms/create-event-form";
import { userForPage } from "@/lib/auth/page-access";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "create" }))("eventPageTitle") };
}

export default async function NewEventPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { allowed } = await userForPage("initiative:edit", locale);
  if (!allowed) return <ForbiddenNotice />;
  const t = await getTranslations("create");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "intake", "create"]}>
      <div className="space-y-6">
        <header>
          <h1 className="text-3xl font-bold">{t("eventPageTitle")}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t("eventIntro")}</p>
        </header>
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <CreateEventForm />
        </div>
      </div>
    </ClientMessages>
  );
}
