import { z } from "zod";

/**
 * The validated sets of the domain (see docs/decisions/003-data-model.md).
 * The Prisma schema declares the same values as enums; tests/unit/vocabulary.test.ts
 * fails when the two drift apart.
 */
export const INITIATIVE_STATUSES = ["proposed", "in_preparation", "agreed", "in_progress", "implemented", "stalled", "dropped"] as const;

export const STAGES = ["announced", "drafting", "text_agreed", "signed", "ratified", "in_force", "operating"] as const;

export const INITIATIVE_KINDS = ["proposal", "decision", "signed_document", "project", "target", "diplomatic_position"] as const;

export const THEMES = [
  "security",
  "water_environment",
  "transport_logistics",
  "digital_ai",
  "industry_minerals",
  "trade_investment",
  "tourism",
  "institutions_diplomacy",
  "research_expertise",
] as const;

export const COUNTRY_ROLES = ["proposer", "participant", "supporter", "candidate"] as const;

/** What an initiative is to the event it is filed under; only outcomes count as the meeting's own. */
export const MEETING_RELATIONS = ["outcome", "welcomed", "bilateral_visit", "background"] as const;

/** Who says what a quote says: the outlet itself, a named official, a named expert. */
export const SPEAKER_KINDS = ["narrator", "official", "expert"] as const;

export const USER_ROLES = ["admin", "editor"] as const;

/** What a history entry records: a status (and stage) change, an edit of other fields, a verification. */
export const HISTORY_KINDS = ["status_change", "edit", "verification"] as const;

export const ALERT_TARGETS = ["initiative", "country", "theme"] as const;

export const ALERT_FREQUENCIES = ["immediate", "daily"] as const;

export const SOURCE_KINDS = ["news_report", "official_statement", "document_text", "analysis"] as const;

/** The languages a source can be in: the format's official and working languages (ISO 639-1). */
export const SOURCE_LANGUAGES = ["ru", "en", "kk", "ky", "tg", "tk", "uz", "az"] as const;

/** Whether a stored string (history keeps values as text) is one of a vocabulary's values. */
export function isOneOf<V extends string>(values: readonly V[], value: string): value is V {
  return (values as readonly string[]).includes(value);
}

/** A vocabulary value's translated label; a string outside the vocabulary is shown as it is. */
export function vocabularyLabel<V extends string>(values: readonly V[], translate: (value: V) => string): (value: string) => string {
  return (value) => (isOneOf(values, value) ? translate(value) : value);
}

export const initiativeStatusSchema = z.enum(INITIATIVE_STATUSES);
export const stageSchema = z.enum(STAGES);
export const initiativeKindSchema = z.enum(INITIATIVE_KINDS);
export const themeSchema = z.enum(THEMES);
export const countryRoleSchema = z.enum(COUNTRY_ROLES);
export const userRoleSchema = z.enum(USER_ROLES);
export const alertTargetSchema = z.enum(ALERT_TARGETS);
export const alertFrequencySchema = z.enum(ALERT_FREQUENCIES);
export const sourceKindSchema = z.enum(SOURCE_KINDS);
export const sourceLanguageSchema = z.enum(SOURCE_LANGUAGES);
export const meetingRelationSchema = z.enum(MEETING_RELATIONS);
export const speakerKindSchema = z.enum(SPEAKER_KINDS);
export const historyKindSchema = z.enum(HISTORY_KINDS);

export type InitiativeStatus = z.infer<typeof initiativeStatusSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type InitiativeKind = z.infer<typeof initiativeKindSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type CountryRole = z.infer<typeof countryRoleSchema>;
export type UserRole = z.infer<typeof userRoleSchema>;
export type AlertTarget = z.infer<typeof alertTargetSchema>;
export type AlertFrequency = z.infer<typeof alertFrequencySchema>;
export type SourceKind = z.infer<typeof sourceKindSchema>;
export type SourceLanguage = z.infer<typeof sourceLanguageSchema>;
export type MeetingRelation = z.infer<typeof meetingRelationSchema>;
export type SpeakerKind = z.infer<typeof speakerKindSchema>;
export type HistoryKind = z.infer<typeof historyKindSchema>;
