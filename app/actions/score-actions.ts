"use server";

import "server-only";
import { runMutation } from "@/lib/actions/run-mutation";
import type { ActionState } from "@/lib/actions/action-state";
import { prisma } from "@/lib/db/prisma";
import { setScore } from "@/lib/scorecards/set-score";
import { setScoreSchema } from "@/lib/scorecards/score-schemas";

/** An editor's score of one country on one initiative, with its verbatim evidence (lib/scorecards/set-score.ts). */
export async function setScoreAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "score:set",
    schema: setScoreSchema,
    run: async (input, user) => {
      const { version, tags } = await setScore(prisma, user, input);
      return { message: "scoreSaved", messageValues: { version }, tags };
    },
  });
}
