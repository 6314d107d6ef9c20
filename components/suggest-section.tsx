import { ClientMessages } from "@/components/client-messages";
import { SuggestForm } from "@/components/forms/suggestion-forms";

/** "Suggest an update or a correction", folded away below a public page's content (SuggestForm folds it). */
export async function SuggestSection({ subject, subjectKey, locale }: { subject: "initiative" | "source"; subjectKey: string; locale: string }) {
  return (
    <ClientMessages namespaces={["suggest", "errors", "actions", "intake", "create"]}>
      <SuggestForm subject={subject} subjectKey={subjectKey} locale={locale} />
    </ClientMessages>
  );
}
