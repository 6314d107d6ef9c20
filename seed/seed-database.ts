import type { PrismaClient } from "../lib/generated/prisma/client";
import { rebuildSearchIndex, searchIndexIsMissing } from "../lib/search/search-index";
import type { Catalog } from "./catalog";
import { findReferenceProblems } from "./catalog";
import type { QuoteSpec, SourceFile } from "./data/types";
import { ARTICLES_DIR, findProvenanceProblems, readArticle, type Article } from "./verify-quotes";

export class SeedVerificationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Seed refused: ${problems.length} problem(s) in the catalogue:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "SeedVerificationError";
  }
}

export interface SeedSummary {
  initiatives: number;
  quotes: number;
  created: number;
}

/**
 * Loads the catalogue into the database after checking every quote against its
 * article. Idempotent: rows are found by their natural keys and created only when
 * missing, so a second run changes nothing (and never overwrites editors' work).
 */
export async function seedDatabase(prisma: PrismaClient, catalog: Catalog, articlesDir = ARTICLES_DIR): Promise<SeedSummary> {
  const articles = new Map<SourceFile, Article>(catalog.sources.map((source) => [source.file, readArticle(source.file, articlesDir)]));
  const problems = [...findReferenceProblems(catalog), ...findProvenanceProblems(catalog, articles)];
  if (problems.length) throw new SeedVerificationError(problems);

  return prisma.$transaction(
    async (tx) => {
      let created = 0;
      const sourceIds = new Map<SourceFile, number>();
      for (const spec of catalog.sources) {
        const article = articles.get(spec.file)!;
        const existing = await tx.source.findUnique({ where: { key: spec.file }, select: { id: true, sha256: true } });
        if (existing && existing.sha256 !== article.sha256) {
          throw new SeedVerificationError([`source ${spec.file}: the stored text differs from the article (sources are never edited in place)`]);
        }
        const id =
          existing?.id ??
          (
            await tx.source.create({
              data: {
                key: spec.file,
                title: spec.title,
                outlet: spec.outlet,
                publishedOn: spec.publishedOn ? new Date(`${spec.publishedOn}T00:00:00Z`) : null,
                dateFromMetadata: spec.dateFromMetadata,
                language: spec.language,
                text: article.text,
                sha256: article.sha256,
              },
              select: { id: true },
            })
          ).id;
        if (!existing) created++;
        sourceIds.set(spec.file, id);
      }

      // Rows first, quotes after: a quote's speaker may be any person of the catalogue.
      const eventIds = new Map<string, number>();
      for (const spec of catalog.events) {
        const { quotes: _quotes, attendance: _attendance, ...fields } = spec;
        let event = await tx.event.findUnique({ where: { slug: spec.slug }, select: { id: true } });
        if (!event) {
          event = await tx.event.create({ data: fields, select: { id: true } });
          created++;
        }
        eventIds.set(spec.slug, event.id);
      }
      for (const spec of catalog.countries) {
        const { quotes: _quotes, ...fields } = spec;
        if (!(await tx.country.findUnique({ where: { code: spec.code }, select: { code: true } }))) {
          await tx.country.create({ data: fields });
          created++;
        }
      }
      const personIds = new Map<string, number>();
      for (const spec of catalog.persons) {
        const { quotes: _quotes, country, ...fields } = spec;
        let person = await tx.person.findUnique({ where: { slug: spec.slug }, select: { id: true } });
        if (!person) {
          person = await tx.person.create({ data: { ...fields, countryCode: country }, select: { id: true } });
          created++;
        }
        personIds.set(spec.slug, person.id);
      }

      const quoteIds = new Map<string, number>();
      const ensureQuote = async (spec: QuoteSpec, link: { initiativeId?: number; eventId?: number; countryCode?: string; personId?: number }) => {
        const sourceId = sourceIds.get(spec.file)!;
        const key = `${spec.file}:${spec.start}:${spec.end}`;
        let id = quoteIds.get(key);
        if (id === undefined) {
          const existing = await tx.quote.findUnique({
            where: { sourceId_start_end: { sourceId, start: spec.start, end: spec.end } },
            select: { id: true },
          });
          id = existing?.id;
          if (id === undefined) {
            const speaker = spec.speaker;
            id = (
              await tx.quote.create({
                data: {
                  sourceId,
                  start: spec.start,
                  end: spec.end,
                  text: spec.text,
                  speakerKind: speaker?.kind ?? "narrator",
                  speakerPersonId: speaker?.person ? personIds.get(speaker.person)! : null,
                  attribution: speaker?.attribution ?? null,
                },
                select: { id: true },
              })
            ).id;
            created++;
          }
          quoteIds.set(key, id);
        }
        // A span keeps the first subject it was linked to; later links only fill gaps.
        const current = await tx.quote.findUniqueOrThrow({ where: { id }, select: { initiativeId: true, eventId: true, countryCode: true, personId: true } });
        const fill = Object.fromEntries(
          Object.entries(link).filter(([field, value]) => value !== undefined && current[field as keyof typeof current] === null),
        );
        if (Object.keys(fill).length) await tx.quote.update({ where: { id }, data: fill });
        return id;
      };

      for (const spec of catalog.events) {
        const eventId = eventIds.get(spec.slug)!;
        for (const quote of spec.quotes) await ensureQuote(quote, { eventId });
        for (const attendee of spec.attendance) {
          const quoteId = await ensureQuote(attendee.quote, { eventId });
          const key = { eventId_countryCode: { eventId, countryCode: attendee.country } };
          if (!(await tx.attendance.findUnique({ where: key, select: { id: true } }))) {
            await tx.attendance.create({ data: { eventId, countryCode: attendee.country, quoteId } });
            created++;
          }
        }
      }
      for (const spec of catalog.countries) {
        for (const quote of spec.quotes) await ensureQuote(quote, { countryCode: spec.code });
      }
      for (const spec of catalog.persons) {
        for (const quote of spec.quotes) await ensureQuote(quote, { personId: personIds.get(spec.slug)! });
      }

      for (const spec of catalog.initiatives) {
        let initiative = await tx.initiative.findUnique({ where: { slug: spec.slug }, select: { id: true } });
        if (!initiative) {
          initiative = await tx.initiative.create({
            data: {
              slug: spec.slug,
              titleRu: spec.titleRu,
              titleEn: spec.titleEn,
              summaryRu: spec.summaryRu,
              summaryEn: spec.summaryEn,
              kind: spec.kind,
              status: spec.status,
              stage: spec.stage,
              eventId: eventIds.get(spec.event)!,
              meetingRelation: spec.meetingRelation,
              signatoriesUnnamed: spec.signatoriesUnnamed,
              proposerCountryCode: spec.proposer?.country ?? null,
              proposerPersonId: spec.proposer?.person ? personIds.get(spec.proposer.person)! : null,
              targetDateText: spec.targetDateText,
              themes: { create: spec.themes.map((theme) => ({ theme })) },
            },
            select: { id: true },
          });
          created++;
        }
        const initiativeId = initiative.id;
        const link = { initiativeId };
        const statusQuoteId = await ensureQuote(spec.statusQuote, link);
        for (const quote of spec.quotes) await ensureQuote(quote, link);
        if (spec.proposer) {
          const proposerQuoteId = await ensureQuote(spec.proposer.quote, link);
          await tx.initiative.updateMany({ where: { id: initiativeId, proposerQuoteId: null }, data: { proposerQuoteId } });
        }

        for (const participant of spec.participants) {
          const quoteId = await ensureQuote(participant.quote, link);
          const key = { initiativeId_countryCode: { initiativeId, countryCode: participant.country } };
          if (!(await tx.participation.findUnique({ where: key, select: { role: true } }))) {
            await tx.participation.create({
              data: { initiativeId, countryCode: participant.country, role: participant.role, stage: participant.stage, quoteId },
            });
            created++;
          }
        }

        if (!(await tx.historyEntry.findFirst({ where: { initiativeId }, select: { id: true } }))) {
          await tx.historyEntry.create({
            data: {
              initiativeId,
              kind: "status_change",
              fromStatus: null,
              toStatus: spec.status,
              fromStage: null,
              toStage: spec.stage,
              note: "Recorded from the source articles.",
              quoteId: statusQuoteId,
              version: 1,
            },
          });
          created++;
        }

        for (const metric of spec.metrics) {
          if (await tx.metric.findUnique({ where: { slug: metric.slug }, select: { id: true } })) continue;
          const baselineQuoteId = metric.baseline ? await ensureQuote(metric.baseline.quote, link) : null;
          const targetQuoteId = metric.target ? await ensureQuote(metric.target.quote, link) : null;
          const readings = [];
          for (const reading of metric.readings) {
            readings.push({
              value: reading.value,
              text: reading.text,
              observedText: reading.observedText,
              quoteId: await ensureQuote(reading.quote, link),
            });
          }
          await tx.metric.create({
            data: {
              slug: metric.slug,
              initiativeId,
              nameRu: metric.nameRu,
              nameEn: metric.nameEn,
              unitRu: metric.unitRu,
              unitEn: metric.unitEn,
              baselineValue: metric.baseline?.value ?? null,
              baselineText: metric.baseline?.text ?? null,
              baselinePeriod: metric.baseline?.periodText ?? null,
              baselineQuoteId,
              targetValue: metric.target?.value ?? null,
              targetText: metric.target?.text ?? null,
              targetDateText: metric.target?.dateText ?? null,
              targetQuoteId,
              readings: { create: readings },
            },
          });
          created++;
        }
      }

      if (created > 0 || (await searchIndexIsMissing(tx))) await rebuildSearchIndex(tx);
      return { initiatives: await tx.initiative.count(), quotes: await tx.quote.count(), created };
    },
    { timeout: 60_000 },
  );
}
