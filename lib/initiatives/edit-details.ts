import "server-only";
import type { Db } from "../db/types";
import { inTransaction } from "../db/in-transaction";
import type { SessionUser } from "../auth/sessions";
import type { EditDetailsInput } from "./edit-schemas";
import { checkCorrects, claimNextVersion, writeEditEntry, type EditOptions, type EditResult } from "./record-history";
import { dayOrNull, dayToDate } from "../dates";
import { EditError } from "./edit-errors";
import { joinThemes, type FieldChange } from "../history/field-changes";
import { indexInitiative } from "../search/search-index";

/** Corrects titles, summaries, themes and the target date; the entry lists each changed field. */
export async function editDetails(db: Db, actor: SessionUser, input: EditDetailsInput, options: EditOptions = {}): Promise<EditResult> {
  return inTransaction(db, async (tx) => {
    const initiative = await claimNextVersion(tx, input.slug, input.version);
    const changes: FieldChange[] = [];
    for (const field of ["titleRu", "titleEn", "summaryRu", "summaryEn"] as const) {
      if (initiative[field] !== input[field]) changes.push({ field, from: initiative[field], to: input[field] });
    }
    const oldThemes = initiative.themes.map((t) => t.theme).sort();
    const newThemes = [...new Set(input.themes)].sort();
    const themesChanged = oldThemes.join(",") !== newThemes.join(",");
    if (themesChanged) changes.push({ field: "themes", from: joinThemes(oldThemes), to: joinThemes(newThemes) });
    const oldTarget = dayOrNull(initiative.targetDate);
    if (oldTarget !== input.targetDate) changes.push({ field: "targetDate", from: oldTarget, to: input.targetDate });
    if (changes.length === 0) throw new EditError("nothingChanged", "form");

    const correctsId = await checkCorrects(tx, initiative.id, input.correctsId);
    await tx.initiative.update({
      where: { id: initiative.id },
      data: {
        titleRu: input.titleRu,
        titleEn: input.titleEn,
        summaryRu: input.summaryRu,
        summaryEn: input.summaryEn,
        targetDate: input.targetDate ? dayToDate(input.targetDate) : null,
      },
    });
    await indexInitiative(tx, { id: initiative.id, ...input });
    if (themesChanged) {
      await tx.initiativeTheme.deleteMany({ where: { initiativeId: initiative.id } });
      await tx.initiativeTheme.createMany({ data: newThemes.map((theme) => ({ initiativeId: initiative.id, theme })) });
    }
    return writeEditEntry(tx, initiative, actor, options, {
      changes,
      note: input.note,
      correctsId,
    });
  });
}
