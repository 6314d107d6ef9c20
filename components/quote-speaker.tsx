import { getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { QuoteSpeaker } from "@/lib/initiatives/get-initiative";

/** Who says a quote: "according to …" with the attribution as written, or the outlet's own words. */
export async function QuoteSpeakerLine({ speaker, locale }: { speaker: QuoteSpeaker | null; locale: string }) {
  const [t, tKind] = await Promise.all([getTranslations("initiative"), getTranslations("speakerKind")]);
  if (!speaker) {
    return <span data-speaker="narrator">{t("saidByNarrator")}</span>;
  }
  return (
    <span data-speaker={speaker.kind}>
      {t("accordingTo", { name: localized(locale, speaker.nameRu, speaker.nameEn), kind: tKind(speaker.kind).toLowerCase() })}
      {speaker.attribution && (
        <>
          {" "}
          (<q lang="ru">{speaker.attribution}</q>)
        </>
      )}
    </span>
  );
}
