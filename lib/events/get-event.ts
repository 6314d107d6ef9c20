import "server-only";
import type { Db } from "../db/types";
import type { InitiativeStatus } from "../domain/vocabulary";
import { listRecordHistory, type RecordHistoryView } from "../records/record-history";
import { EVENT_SELECT, type EventFields } from "./event-select";

export interface EventSummary extends EventFields {
  initiatives: number;
  reannounced: number;
}

interface EventInitiative {
  slug: string;
  titleRu: string;
  titleEn: string;
  status: InitiativeStatus;
}

export interface EventDetail extends Omit<EventSummary, "initiatives" | "reannounced"> {
  id: number;
  attendance: { code: string; nameRu: string; nameEn: string }[];
  /** Initiatives filed under the event. */
  initiatives: EventInitiative[];
  /** Initiatives of other events a quote says were announced again here. */
  reannounced: EventInitiative[];
  history: RecordHistoryView[];
  /** The version a correction form carries: the newest history entry's, 1 for a seed event. */
  version: number;
}

const INITIATIVE = { slug: true, titleRu: true, titleEn: true, status: true } as const;

/** Quotes that place an initiative of another event here: its re-announcements. */
const reannouncedWhere = (eventId: number) => ({ quotes: { some: { eventId } }, NOT: { eventId }, mergedIntoId: null });

/** Every event, newest first, with how many initiatives it holds and re-announced. */
export async function listEvents(db: Db): Promise<EventSummary[]> {
  const rows = await db.event.findMany({
    select: { id: true, ...EVENT_SELECT, _count: { select: { initiatives: { where: { mergedIntoId: null } } } } },
    orderBy: { id: "desc" },
  });
  return Promise.all(
    rows.map(async ({ id, _count, ...row }) => ({
      ...row,
      initiatives: _count.initiatives,
      reannounced: await db.initiative.count({ where: reannouncedWhere(id) }),
    })),
  );
}

export async function getEvent(db: Db, slug: string): Promise<EventDetail | null> {
  const row = await db.event.findUnique({
    where: { slug },
    select: {
      id: true,
      ...EVENT_SELECT,
      attendances: { select: { country: { select: { code: true, nameRu: true, nameEn: true } } }, orderBy: { countryCode: "asc" } },
      initiatives: { where: { mergedIntoId: null }, select: INITIATIVE, orderBy: { id: "asc" } },
    },
  });
  if (!row) return null;
  const { id, attendances, ...event } = row;
  const [reannounced, history] = await Promise.all([
    db.initiative.findMany({ where: reannouncedWhere(id), select: INITIATIVE, orderBy: { id: "asc" } }),
    listRecordHistory(db, "event", id),
  ]);
  return { ...event, id, attendance: attendances.map((a) => a.country), reannounced, history, version: history[0]?.version ?? 1 };
}
