import { e2eDatabase } from "./database";
import { createAccount, expect, logIn, test } from "./fixtures";
import { changeStatus } from "./status-change";

const slug = "kyrgyzstan-unsc-candidacy-support";

async function setTitleBehindTheApp(title: string, of = slug) {
  // Raw, as something other than the app would: no cache tag is expired, no history written.
  await e2eDatabase().$executeRaw`UPDATE "Initiative" SET "titleEn" = ${title} WHERE "slug" = ${of}`;
}

test("public pages are served from the cache until a write expires it, and the write shows at once", async ({ page, browser }) => {
  const visitor = await (await browser.newContext()).newPage();
  const listPath = "/en/initiatives?q=Kyrgyzstan";
  await visitor.goto(listPath);
  await visitor.goto(`/en/initiatives/${slug}`);
  const original = (await visitor.getByRole("heading", { level: 1 }).textContent())!;

  // A change made behind the app's back is not seen: the page did not read the database again.
  const hidden = `${original} (edited behind the app)`;
  await setTitleBehindTheApp(hidden);
  await visitor.reload();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(original);
  await visitor.goto(listPath);
  await expect(visitor.getByTestId("initiative-table")).not.toContainText("edited behind the app");

  // Any write through the app expires the cache: the next view shows the database as it is.
  await logIn(page, await createAccount("editor", "Cache Editor"));
  await page.goto(`/en/initiatives/${slug}`);
  await page.getByRole("form", { name: "Verification" }).getByRole("button", { name: "Mark verified" }).click();
  await expect(page.getByRole("form", { name: "Verification" }).getByRole("status")).toContainText("Marked as verified");
  const savedAt = Date.now();
  await visitor.goto(`/en/initiatives/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(hidden);
  await expect(visitor.getByRole("region", { name: "History" }).getByRole("listitem").first()).toContainText("Verified");
  expect(Date.now() - savedAt).toBeLessThan(1000 + 2000);
  await setTitleBehindTheApp(original);
});

test("a status change expires only what it changed: another initiative's page and unrelated feeds stay cached", async ({ page, browser }) => {
  // A has no countries and only the security theme; B shares neither (seed/data/catalog.ts).
  const a = "regional-security-concept";
  const b = "single-tourism-space";
  const unrelated = [`/feeds/initiatives/${b}.atom?lang=en`, "/feeds/countries/KZ.atom?lang=en", "/feeds/themes/tourism.atom?lang=en"];
  const visitor = await (await browser.newContext()).newPage();
  const text = async (path: string) => (await visitor.request.get(path)).text();
  await visitor.goto(`/en/initiatives/${b}`);
  const titleOfB = (await visitor.getByRole("heading", { level: 1 }).textContent())!;
  const feedsBefore = await Promise.all(unrelated.map(text));
  // B's own feed and the tourism feed (B is its only initiative) name B; KZ's includes B's entries.
  expect(feedsBefore[0]).toContain(titleOfB);
  expect(feedsBefore[2]).toContain(titleOfB);
  expect(await text("/feeds/history.atom?lang=en")).not.toContain("Cache-tag test");

  const hidden = `${titleOfB} (edited behind the app)`;
  await setTitleBehindTheApp(hidden, b);
  try {
    await logIn(page, await createAccount("editor", "Tag Editor"));
    await changeStatus(page, `/en/initiatives/${a}`, {
      status: "in_progress",
      note: "Cache-tag test: work on the concept has begun.",
      day: "2026-10-01",
      link: "https://example.org/test-only",
      linkTitle: "Test page",
    });

    // What the change touched is read again: A's page, the history feed, the list.
    await visitor.goto(`/en/initiatives/${a}`);
    await expect(visitor.getByRole("region", { name: "History" }).getByRole("listitem").first()).toContainText("Cache-tag test");
    expect(await text("/feeds/history.atom?lang=en")).toContain("Cache-tag test");
    await visitor.goto("/en/initiatives?theme=tourism");
    await expect(visitor.getByTestId("initiative-table")).toContainText("edited behind the app");

    // What it did not touch is still the cached copy: B's page and the feeds of B, KZ and tourism.
    await visitor.goto(`/en/initiatives/${b}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(titleOfB);
    expect(await Promise.all(unrelated.map(text))).toEqual(feedsBefore);
  } finally {
    await setTitleBehindTheApp(titleOfB, b);
  }
});
