import Database from "better-sqlite3";
import { createAccount, E2E_DATABASE_URL, expect, logIn, test } from "./fixtures";

const slug = "kyrgyzstan-unsc-candidacy-support";

function setTitleBehindTheApp(title: string) {
  const db = new Database(E2E_DATABASE_URL.replace(/^file:/, ""));
  try {
    db.prepare(`UPDATE "Initiative" SET "titleEn" = ? WHERE "slug" = ?`).run(title, slug);
  } finally {
    db.close();
  }
}

test("public pages are served from the cache until a write expires it, and the write shows at once", async ({ page, browser }) => {
  const visitor = await (await browser.newContext()).newPage();
  const listPath = "/en/initiatives?q=Kyrgyzstan";
  await visitor.goto(listPath);
  await visitor.goto(`/en/initiatives/${slug}`);
  const original = (await visitor.getByRole("heading", { level: 1 }).textContent())!;

  // A change made behind the app's back is not seen: the page did not read the database again.
  const hidden = `${original} (edited behind the app)`;
  setTitleBehindTheApp(hidden);
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
  setTitleBehindTheApp(original);
});
