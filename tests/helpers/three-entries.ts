/**
 * The editor's three kinds of history entry, made through the real write paths one after another
 * (the history list and the feeds read them back): a status change of single-tourism-space with a
 * link as evidence, an edit of ai-declaration's English title (and themes), a verification of
 * kyrgyzstan-unsc-candidacy-support. What each says is the caller's, so a test can look for it.
 */
import type { SessionUser } from "../../lib/auth/sessions";
import type { Theme } from "../../lib/domain/vocabulary";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { changeStatus } from "../../lib/initiatives/change-status";
import { editDetails } from "../../lib/initiatives/edit-details";
import { changeStatusSchema, editDetailsSchema, markVerifiedSchema } from "../../lib/initiatives/edit-schemas";
import { markVerified } from "../../lib/initiatives/mark-verified";

/** recordedAt has millisecond precision: a pause keeps the entries' instants distinct. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 15));

export async function currentVersion(prisma: PrismaClient, slug: string) {
  return (await prisma.initiative.findUniqueOrThrow({ where: { slug }, select: { version: true } })).version;
}

export async function latestEntry(prisma: PrismaClient, slug: string) {
  return prisma.historyEntry.findFirstOrThrow({ where: { initiative: { slug } }, orderBy: { version: "desc" }, select: { id: true, recordedAt: true } });
}

type Entry = { id: number; recordedAt: Date };

export async function recordThreeEntries(
  prisma: PrismaClient,
  editor: SessionUser,
  text: { statusNote: string; evidenceUrl: string; evidenceTitle: string; titleEn: string; addTheme?: Theme; editNote: string },
): Promise<{ status: Entry; edit: Entry; verify: Entry }> {
  await changeStatus(
    prisma,
    editor,
    changeStatusSchema.parse({
      slug: "single-tourism-space",
      version: String(await currentVersion(prisma, "single-tourism-space")),
      status: "in_preparation",
      stage: "drafting",
      effectiveOn: "2026-03-01",
      note: text.statusNote,
      evidenceType: "link",
      evidenceUrl: text.evidenceUrl,
      evidenceTitle: text.evidenceTitle,
      evidenceDate: "2026-03-01",
    }),
    { reviewRequired: false },
  );
  const status = await latestEntry(prisma, "single-tourism-space");
  await tick();

  const ai = await prisma.initiative.findUniqueOrThrow({ where: { slug: "ai-declaration" }, include: { themes: true } });
  await editDetails(
    prisma,
    editor,
    editDetailsSchema.parse({
      slug: ai.slug,
      version: String(ai.version),
      titleRu: ai.titleRu,
      titleEn: text.titleEn,
      summaryRu: ai.summaryRu,
      summaryEn: ai.summaryEn,
      themes: [...ai.themes.map((t) => t.theme), ...(text.addTheme ? [text.addTheme] : [])],
      targetDate: "",
      note: text.editNote,
    }),
  );
  const edit = await latestEntry(prisma, "ai-declaration");
  await tick();

  await markVerified(
    prisma,
    editor,
    markVerifiedSchema.parse({
      slug: "kyrgyzstan-unsc-candidacy-support",
      version: String(await currentVersion(prisma, "kyrgyzstan-unsc-candidacy-support")),
      note: "Checked",
    }),
  );
  const verify = await latestEntry(prisma, "kyrgyzstan-unsc-candidacy-support");
  return { status, edit, verify };
}
