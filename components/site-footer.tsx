import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="border-t border-slate-200 bg-white">
      <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-700 sm:px-6">{t("note")}</p>
    </footer>
  );
}
