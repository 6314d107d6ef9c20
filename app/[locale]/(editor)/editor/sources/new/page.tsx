import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { AddSourceForm } from "@/components/forms/add-source-form";
import { userForPage } from "@/lib/auth/page-access";
import { getEnv } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "intake" }))("title") };
}

export default async function AddSourcePage({ params }: Props) {
  const locale = await pageLocale(params);
  const { allowed } = await userForPage("source:add", locale);
  if (!allowed) return <ForbiddenNotice />;
  const t = await getTranslations("intake");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "intake", "create", "sourceKind", "sourceLanguage"]}>
      <div className="space-y-6">
        <header>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
        </header>
        <AddSourceForm maxBytes={getEnv().SOURCE_MAX_BYTES} />
      </div>
    </ClientMessages>
  );
}
