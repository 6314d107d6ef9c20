import { getTranslations } from "next-intl/server";
import { ResolveSuggestionForm } from "@/components/forms/editor-forms-on-demand";
import { Link } from "@/lib/i18n/navigation";
import { SuggestedLink } from "@/components/suggested-link";

/**
 * On the page a reader's suggestion is about, for an editor who came from the queue: its text and
 * link, and its answer form, to accept once the pre-filled change is saved (or dismiss).
 */
export async function SuggestionDraft({ suggestion, label }: { suggestion: { id: number; text: string; url: string | null }; label: string }) {
  const t = await getTranslations("suggest");
  return (
    <section aria-labelledby="suggestion-draft" className="space-y-3 rounded-lg border-2 border-sky-400 bg-sky-50/60 p-5" data-testid="suggestion-draft">
      <h2 id="suggestion-draft" className="text-xl font-semibold">
        {t("draftTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("draftIntro")}</p>
      <blockquote className="whitespace-pre-line break-words border-l-4 border-sky-500 pl-3">{suggestion.text}</blockquote>
      <SuggestedLink url={suggestion.url} />
      <ResolveSuggestionForm suggestionId={suggestion.id} label={label} />
      <p className="text-sm">
        <Link href="/editor" className="text-blue-800 underline">
          {t("backToQueue")}
        </Link>
      </p>
    </section>
  );
}
