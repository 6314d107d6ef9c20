import { expect, type Page } from "@playwright/test";

export interface StatusChange {
  status: string;
  note: string;
  /** The effective date and the linked page's date (YYYY-MM-DD). */
  day: string;
  /** Test evidence: an address and title of a page that exists only in the tests. */
  link: string;
  linkTitle: string;
}

/**
 * An editor changes an initiative's status through the form on its page, with a link as the
 * evidence, and waits for the saved version: the steps several specs need before they check what
 * the change did elsewhere. `pageUrl` is the initiative page (relative or, for a server of the
 * spec's own, absolute).
 */
export async function changeStatus(page: Page, pageUrl: string, change: StatusChange): Promise<void> {
  await page.goto(pageUrl);
  const form = page.getByRole("form", { name: "Change status or stage" });
  await form.getByLabel("New status").selectOption(change.status);
  await form.getByLabel("Effective date").fill(change.day);
  await form.getByLabel("Note (why)").fill(change.note);
  await form.getByLabel("A link").check();
  await form.getByLabel("Link (http or https)").fill(change.link);
  await form.getByLabel("Title of the linked page").fill(change.linkTitle);
  await form.getByLabel("Date of the linked page").fill(change.day);
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(form.getByRole("status")).toContainText("Saved as version");
}
