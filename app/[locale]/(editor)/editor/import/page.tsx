import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages, FORM_NAMESPACES } from "@/components/client-messages";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { ImportForm } from "@/components/forms/import-form";
import { userForPage } from "@/lib/auth/page-access";
import { pageLocale } from "@/lib/i18n/page-locale";
import { IMPORT_COLUMNS } from "@/lib/imports/parse-import-csv";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "bulkImport" }))("title") };
}

export default async function ImportPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { allowed } = await userForPage("initiative:edit", locale);
  if (!allowed) return <ForbiddenNotice />;
  const t = await getTranslations("bulkImport");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "bulkImport"]}>
      <div className="space-y-6">
        <header>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
        </header>
        <details className="max-w-3xl rounded border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-medium">{t("formatTitle")}</summary>
          <p className="mt-2 text-sm text-slate-700">{t("formatIntro")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {IMPORT_COLUMNS.map((column) => (
              <li key={column}>
                <code>{column}</code>: {t(`columns.${column}`)}
              </li>
            ))}
          </ul>
        </details>
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <ImportForm />
        </div>
      </div>
    </ClientMessages>
  );
}
