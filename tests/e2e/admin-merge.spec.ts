import { randomUUID } from "node:crypto";
import { indexInitiative } from "../../lib/search/search-index";
import { e2eDatabase } from "./database";
import { expect, logIn, test } from "./fixtures";

// Two initiatives recorded twice under one title (test data, made here and never seeded).
async function twins() {
  const db = e2eDatabase();
  const event = await db.event.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } });
  const tag = randomUUID().slice(0, 6);
  const make = (slug: string) =>
    db.initiative.create({
      data: {
        slug,
        titleRu: `ТЕСТ: дважды записанная инициатива ${tag}`,
        titleEn: `Test twice recorded initiative ${tag}`,
        summaryRu: "Тестовые данные.",
        summaryEn: "Test data.",
        kind: "proposal",
        status: "proposed",
        eventId: event.id,
        meetingRelation: "outcome",
        themes: { create: [{ theme: "tourism" }] },
      },
      select: { id: true, slug: true, titleRu: true, titleEn: true, summaryRu: true, summaryEn: true },
    });
  const keep = await make(`test-twice-recorded-${tag}`);
  const duplicate = await make(`test-twice-recorded-${tag}-2`);
  for (const row of [keep, duplicate]) await indexInitiative(db, row);
  return { keep: keep.slug, duplicate: duplicate.slug, title: keep.titleEn };
}

test("an admin merges a duplicate: the old address redirects for good and the list shows one", async ({ page, admin }) => {
  const { keep, duplicate, title } = await twins();
  await page.goto(`/en/initiatives?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId("initiative-table").getByRole("link", { name: title })).toHaveCount(2);

  await logIn(page, admin);
  await page.goto("/en/admin");
  await page.getByRole("link", { name: "Merge duplicate initiatives" }).click();
  await page.getByLabel(/^Duplicate/).fill(duplicate);
  await page.getByLabel(/^Initiative to keep/).fill(keep);
  await page.getByRole("button", { name: "Compare" }).click();
  // The comparison is a new page (a GET form): wait until it has loaded, so the merge form is live.
  await page.waitForURL(new RegExp(`/en/admin/merge\\?duplicate=${duplicate}&`));
  await expect(page.getByRole("region", { name: "Duplicate", exact: true })).toContainText(duplicate);
  await expect(page.getByRole("region", { name: "Kept", exact: true })).toContainText(keep);

  const merge = page.getByRole("form", { name: "Merge the duplicate into the kept initiative" });
  // The note is required: refused, focused, nothing merged.
  await merge.getByRole("button", { name: "Merge the duplicate into the kept initiative" }).click();
  await expect(merge.getByLabel(/^Why they are the same/)).toBeFocused();
  await merge.getByLabel(/^Why they are the same/).fill("Recorded twice from the same test passage.");
  await merge.getByRole("button", { name: "Merge the duplicate into the kept initiative" }).click();
  await expect(page.getByRole("status")).toContainText(`${duplicate} is merged into ${keep}`);

  // The old address leads to the kept initiative, whose page keeps both histories.
  await page.goto(`/en/initiatives/${duplicate}`);
  await expect(page).toHaveURL(new RegExp(`/en/initiatives/${keep}$`));
  await expect(page.getByRole("heading", { name: `Merged duplicate: ${title}` })).toBeVisible();
  await expect(page.locator("section", { has: page.locator("#history") })).toContainText("Recorded twice from the same test passage.");

  const api = await page.request.get(`/api/v1/initiatives/${duplicate}`, { maxRedirects: 0 });
  expect(api.status()).toBe(308);
  expect(api.headers().location).toBe(`/api/v1/initiatives/${keep}`);
  const feed = await page.request.get(`/feeds/initiatives/${duplicate}.atom?lang=en`, { maxRedirects: 0 });
  expect(feed.status()).toBe(308);
  const embed = await page.request.get(`/embed/initiatives/${duplicate}/badge.svg?lang=en`, { maxRedirects: 0 });
  expect(embed.status()).toBe(308);
  expect(embed.headers().location).toBe(`/embed/initiatives/${keep}/badge.svg?lang=en`);

  await page.context().clearCookies();
  await page.goto(`/en/initiatives?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId("initiative-table").getByRole("link", { name: title })).toHaveCount(1);
  await expect(page.getByTestId("initiative-table").getByRole("link", { name: title })).toHaveAttribute("href", `/en/initiatives/${keep}`);
});
