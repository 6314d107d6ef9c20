import { pickMessages } from "@/lib/i18n/pick-messages";
import { DeferredSuggestForm } from "@/components/forms/suggest-form-deferred";

/** "Suggest an update or a correction", folded away below a public page's content (SuggestForm folds it). */
export async function SuggestSection({ subject, subjectKey, locale }: { subject: "initiative" | "source"; subjectKey: string; locale: string }) {
  const messages = await pickMessages(["suggest", "errors", "actions", "intake", "create"]);
  return <DeferredSuggestForm subject={subject} subjectKey={subjectKey} locale={locale} messages={messages} />;
}
