import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { SuggestForm } from "@/components/forms/suggestion-forms";

/** "Suggest an update or a correction", folded away below a public page's content. */
export async function SuggestSection({ subject, subjectKey, locale }: { subject: "initiative" | "source"; subjectKey: string; locale: string }) {
  const t = await getTranslations("suggest");
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-5">
      <summary className="cursor-pointer text-lg font-semibold">{t("title")}</summary>
      <p className="mt-2 text-sm text-slate-700">{t("intro")}</p>
      <ClientMessages namespaces={["suggest", "errors", "actions", "intake", "create"]}>
        <SuggestForm subject={subject} subjectKey={subjectKey} locale={locale} />
      </ClientMessages>
    </details>
  );
}
