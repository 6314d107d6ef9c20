import "server-only";
import type { Db } from "../db/types";
import { parseCountryCode } from "../countries/country-order";
import type { AlertTarget } from "../generated/prisma/enums";
import { loadMessages } from "../i18n/load-messages";
import { parseTheme } from "../themes/parse-theme";
import type { Prisma } from "../generated/prisma/client";

export interface AlertTargetView {
  target: AlertTarget;
  key: string;
  nameRu: string;
  nameEn: string;
  /** The public page, without the locale prefix. */
  path: string;
}

async function themeName(locale: "ru" | "en", theme: string): Promise<string> {
  const messages = (await loadMessages(locale)) as { theme: Record<string, string> };
  return messages.theme[theme] ?? theme;
}

/** What an alert follows, with its names; null when no such initiative, country or theme exists. */
export async function describeAlertTarget(db: Db, target: AlertTarget, rawKey: string): Promise<AlertTargetView | null> {
  if (target === "initiative") {
    const initiative = await db.initiative.findUnique({ where: { slug: rawKey, mergedIntoId: null }, select: { slug: true, titleRu: true, titleEn: true } });
    return initiative && { target, key: initiative.slug, nameRu: initiative.titleRu, nameEn: initiative.titleEn, path: `/initiatives/${initiative.slug}` };
  }
  if (target === "country") {
    const code = parseCountryCode(rawKey);
    const country = code ? await db.country.findUnique({ where: { code }, select: { code: true, nameRu: true, nameEn: true } }) : null;
    return country && { target, key: country.code, nameRu: country.nameRu, nameEn: country.nameEn, path: `/countries/${country.code}` };
  }
  const theme = parseTheme(rawKey);
  if (!theme) return null;
  return { target, key: theme, nameRu: await themeName("ru", theme), nameEn: await themeName("en", theme), path: `/themes/${theme}` };
}

/** The history entries an alert covers: every change of the initiatives it follows (verifications are not changes). */
export function alertEntryFilter(target: AlertTarget, key: string): Prisma.HistoryEntryWhereInput {
  const initiative: Prisma.InitiativeWhereInput =
    target === "initiative"
      ? { slug: key }
      : target === "country"
        ? { OR: [{ proposerCountryCode: key }, { participations: { some: { countryCode: key } } }] }
        : { themes: { some: { theme: key as never } } };
  return { kind: { not: "verification" }, initiative };
}
