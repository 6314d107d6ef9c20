import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/card";
import { ResolveSuggestionForm } from "@/components/forms/suggestion-forms";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/i18n/localized";
import type { SuggestionView } from "@/lib/suggestions/resolve-suggestion";
import { SuggestedLink } from "@/components/suggested-link";

/** The editors' queue of readers' suggestions, oldest first, each answered in place. */
export async function SuggestionQueue({ locale, suggestions }: { locale: string; suggestions: SuggestionView[] }) {
  const [t, format] = await Promise.all([getTranslations("suggest"), getFormatter()]);
  return (
    <Card id="suggestions" title={t("queueTitle")}>
      <p className="mt-1 text-sm text-slate-700">{t("queueIntro")}</p>
      {suggestions.length === 0 ? (
        <p className="mt-3 text-slate-700">{t("queueEmpty")}</p>
      ) : (
        <ul className="mt-4 space-y-5" data-testid="suggestion-queue">
          {suggestions.map((suggestion) => {
            const href = suggestion.subject === "initiative" ? `/initiatives/${suggestion.subjectKey}` : `/sources/${suggestion.subjectKey}`;
            const title =
              localized(locale, suggestion.subjectTitle.ru, suggestion.subjectTitle.en) ??
              (suggestion.subject === "source" ? t("sourceLabel", { id: suggestion.subjectKey }) : suggestion.subjectKey);
            return (
              <li key={suggestion.id} className="space-y-2 border-l-4 border-sky-500 pl-3">
                <p className="text-sm text-slate-700">
                  {t("about")}:{" "}
                  <Link href={href} className="font-medium text-blue-800 underline">
                    {title}
                  </Link>{" "}
                  ·{" "}
                  <time dateTime={suggestion.createdAt.toISOString()}>
                    {format.dateTime(suggestion.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </p>
                <p className="whitespace-pre-line break-words">{suggestion.text}</p>
                <SuggestedLink url={suggestion.url} />
                {suggestion.hasEmail && <p className="text-sm text-slate-700">{t("withEmail")}</p>}
                <p className="text-sm">
                  <Link
                    href={`${href}?suggestion=${suggestion.id}#${suggestion.subject === "initiative" ? "status-form-title" : "correct-source-title"}`}
                    className="text-blue-800 underline"
                  >
                    {t("openSubject")}
                  </Link>
                </p>
                <ResolveSuggestionForm suggestionId={suggestion.id} label={title} />
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
