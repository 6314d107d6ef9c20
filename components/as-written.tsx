import { getLocale, getTranslations } from "next-intl/server";
import { englishGloss } from "@/lib/i18n/gloss";

/** A Russian phrase as the source writes it; in the English interface followed by its gloss, or by "in Russian". */
export async function AsWritten({ text }: { text: string }) {
  const locale = await getLocale();
  if (locale !== "en") return <span lang="ru">{text}</span>;
  const t = await getTranslations("gloss");
  const gloss = englishGloss(text);
  return (
    <span className="break-words">
      <span lang="ru">{text}</span> <span className="text-slate-700">({gloss ? t("means", { gloss }) : t("inRussian")})</span>
    </span>
  );
}
