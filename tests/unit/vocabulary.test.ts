import { describe, expect, it } from "vitest";
import * as prismaEnums from "../../lib/generated/prisma/enums";
import {
  ALERT_FREQUENCIES,
  ALERT_TARGETS,
  COUNTRY_ROLES,
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  MEETING_RELATIONS,
  SPEAKER_KINDS,
  STAGES,
  THEMES,
  USER_ROLES,
  SOURCE_KINDS,
  initiativeStatusSchema,
} from "../../lib/domain/vocabulary";

describe("validated sets", () => {
  it.each([
    ["InitiativeStatus", INITIATIVE_STATUSES],
    ["Stage", STAGES],
    ["InitiativeKind", INITIATIVE_KINDS],
    ["Theme", THEMES],
    ["CountryRole", COUNTRY_ROLES],
    ["UserRole", USER_ROLES],
    ["AlertTarget", ALERT_TARGETS],
    ["AlertFrequency", ALERT_FREQUENCIES],
    ["SourceKind", SOURCE_KINDS],
    ["MeetingRelation", MEETING_RELATIONS],
    ["SpeakerKind", SPEAKER_KINDS],
  ] as const)("the database enum %s holds exactly the zod values", (name, values) => {
    expect(Object.values(prismaEnums[name]).sort()).toEqual([...values].sort());
  });

  it("rejects a value outside the set", () => {
    expect(initiativeStatusSchema.safeParse("finished").success).toBe(false);
    expect(initiativeStatusSchema.safeParse("agreed").success).toBe(true);
  });
});
