import { getTranslations } from "next-intl/server";

export async function ForbiddenNotice() {
  const t = await getTranslations("auth");
  return (
    <section className="mx-auto max-w-2xl py-12" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title" className="text-3xl font-bold">
        {t("forbiddenTitle")}
      </h1>
      <p className="mt-4 text-lg">{t("forbiddenBody")}</p>
    </section>
  );
}
