import type { getTranslations } from "next-intl/server";

/** The API reference's messages (namespace apiDocs), so each key is checked against them. */
export type ApiDocsTranslator = Awaited<ReturnType<typeof getTranslations<"apiDocs">>>;
