import { readFileSync } from "node:fs";
import path from "node:path";
import { linkIn, startSmtpSink } from "../helpers/smtp-sink";
import { createAccount, expect, logIn, test } from "./fixtures";

// A test article (invented, marked as test data in its text), never seeded; a line of its own
// keeps its hash apart from other specs' copies.
const ARTICLE = `${readFileSync(path.join(import.meta.dirname, "../fixtures/matcher/water-and-rare-earths-ru.txt"), "utf8")}\nТЕСТ: копия для проверки новых записей.`;

test("an editor adds an event and a source, records a re-announcement, creates an initiative and a figure from passages, and the public sees them everywhere", async ({
  page,
  browser,
}) => {
  const editor = await createAccount("editor", "Records Editor");
  await logIn(page, editor);

  // A later event, with its own public history.
  await page.getByRole("link", { name: "Add an event" }).click();
  const eventForm = page.getByRole("form", { name: "New event" });
  await eventForm.getByRole("button", { name: "Create the event" }).click();
  await expect(eventForm.getByLabel("Name (Russian)")).toBeFocused();
  await eventForm.getByLabel("Name (Russian)").fill("ТЕСТ: встреча министров водного хозяйства");
  await eventForm.getByLabel("Name (English)").fill("Test water ministers meeting");
  await eventForm.getByLabel("Place (English, optional)").fill("Bishkek");
  await eventForm.getByLabel("Note (why)").fill("Test data.");
  await eventForm.getByRole("button", { name: "Create the event" }).click();
  await expect(eventForm.getByRole("status")).toContainText("Event created.");
  await expect(eventForm.getByRole("link", { name: "Open the event" })).toHaveAttribute("href", "/en/events/test-water-ministers-meeting");

  await page.goto("/en/editor/sources/new");
  await page.getByLabel("Text", { exact: true }).fill(ARTICLE);
  await page.getByLabel("Title", { exact: true }).fill("ТЕСТ: водная встреча и ледники");
  await page.getByRole("button", { name: "Save the source" }).click();
  await page.getByRole("link", { name: "Review the passages it mentions" }).click();

  // The water convention, announced again at the new event: linked, not duplicated.
  const water = page.getByTestId("review-water-use-framework-convention");
  const accept = water.getByRole("form", { name: /^Accept as quote/ }).first();
  await accept.getByLabel("Announced again at (optional)").selectOption({ label: "Test water ministers meeting" });
  await accept.getByRole("button", { name: "Accept as quote" }).click();
  // Accepted: the page now lists it as the initiative's quote and stops proposing it.
  await expect(water.getByRole("link", { name: "Use it as evidence for a status change" })).toBeVisible();

  // A new initiative from the sentence that looks like a new commitment.
  const commitment = page.getByTestId("new-commitments").getByRole("listitem").filter({ hasText: "мониторингу ледников" });
  await commitment.getByRole("link", { name: "Start a new initiative from it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New initiative from a passage" })).toBeVisible();
  const create = page.getByRole("form", { name: "The new initiative" });
  // Prefilled from the passage; a refusal keeps what was typed and focuses the first error.
  await expect(create.getByLabel("Summary (Russian)")).toHaveValue(/мониторингу ледников/);
  await create.getByLabel("Title (English)").fill("Test regional glacier monitoring council");
  await create.getByRole("button", { name: "Create the initiative" }).click();
  await expect(create.getByLabel("Title (Russian)")).toBeFocused();
  await expect(create.getByLabel("Title (English)")).toHaveValue("Test regional glacier monitoring council");
  await create.getByLabel("Title (Russian)").fill("ТЕСТ: региональный совет по мониторингу ледников");
  await create.getByLabel("Summary (English)").fill("Test data: a memorandum on a regional glacier monitoring council.");
  await create.getByLabel("Kind").selectOption("signed_document");
  await create.getByLabel("Status").selectOption("agreed");
  await create.getByLabel("Stage", { exact: true }).selectOption("signed");
  await create.getByLabel("Relation to that event").selectOption("welcomed");
  await create.getByLabel("Water and environment").check();
  await create.getByLabel("Note (why)").fill("From the test article.");
  await create.getByRole("button", { name: "Create the initiative" }).click();
  await expect(create.getByRole("status")).toContainText("Initiative created.");
  await create.getByRole("link", { name: "Open the new initiative" }).click();
  await expect(page).toHaveURL(/\/en\/initiatives\/test-regional-glacier-monitoring-council$/);

  // A figure on the new initiative, from the editor panel.
  const figure = page.getByRole("form", { name: "Add a figure or target" });
  await figure.getByLabel("Name (Russian)").fill("ТЕСТ: страны в совете");
  await figure.getByLabel("Name (English)").fill("Test: countries in the council");
  await figure.getByLabel("Unit (Russian)").fill("стран");
  await figure.getByLabel("Unit (English)").fill("countries");
  await figure.getByLabel("Target", { exact: true }).fill("5");
  await figure.getByLabel("Source").selectOption({ label: "ТЕСТ: водная встреча и ледники" });
  await figure.getByLabel("Quote, word for word").fill("приняли учёных из пяти стран региона");
  await figure.getByLabel("Note (why)").fill("Test target.");
  await figure.getByRole("button", { name: "Add the figure" }).click();
  await expect(figure.getByRole("status")).toContainText("Figure added");

  // The event corrected: its place in Russian, and an attendee with the quote that names it.
  await page.goto("/en/events/test-water-ministers-meeting");
  const correct = page.getByRole("form", { name: "Correct this event" });
  await correct.getByLabel("Place (Russian, optional)").fill("Бишкек");
  await correct.getByLabel("Country").selectOption({ label: "Kyrgyzstan" });
  await correct.getByRole("button", { name: "Save the correction" }).click();
  await expect(correct.getByLabel("Source", { exact: true })).toBeFocused();
  await correct.getByLabel("Source", { exact: true }).selectOption({ label: "ТЕСТ: водная встреча и ледники" });
  await correct.getByLabel("Quote, word for word").fill("провели в Бишкеке рабочую встречу");
  await correct.getByLabel("Note (why)").fill("Test correction.");
  await correct.getByRole("button", { name: "Save the correction" }).click();
  await expect(correct.getByRole("status")).toContainText("Saved as version 2.");
  await expect(correct.getByLabel("Place (Russian, optional)")).toHaveValue("Бишкек");

  // The figure corrected from its own page: a bad baseline is refused, focused, and nothing typed is lost.
  await page.goto("/en/targets");
  await page.getByRole("region", { name: "Test: countries in the council" }).getByRole("link", { name: "History of this figure" }).click();
  const correctFigure = page.getByRole("form", { name: "Correct this figure" });
  await correctFigure.getByLabel("Baseline", { exact: true }).fill("two");
  await correctFigure.getByLabel("Baseline period (optional)").fill("2025");
  await correctFigure.getByRole("button", { name: "Save the figure's correction" }).click();
  await expect(correctFigure.getByLabel("Baseline", { exact: true })).toBeFocused();
  await expect(correctFigure.getByLabel("Baseline period (optional)")).toHaveValue("2025");
  await expect(correctFigure.getByLabel("Target", { exact: true })).toHaveValue("5");
  await correctFigure.getByLabel("Baseline", { exact: true }).fill("2");
  await correctFigure.getByLabel("Source").selectOption({ label: "ТЕСТ: водная встреча и ледники" });
  await correctFigure.getByLabel("Quote, word for word").fill("приняли учёных из пяти стран региона");
  await correctFigure.getByLabel("Note (why)").fill("Test figure correction.");
  await correctFigure.getByRole("button", { name: "Save the figure's correction" }).click();
  await expect(correctFigure.getByRole("status")).toContainText("Saved as version 2.");

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const slug = "test-regional-glacier-monitoring-council";
  await visitor.goto(`/en/initiatives/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Test regional glacier monitoring council");
  await expect(visitor.getByRole("main")).toContainText("Участники также подписали меморандум о создании регионального совета по мониторингу ледников.");
  await expect(visitor.getByRole("main")).toContainText("Test: countries in the council");
  const history = visitor.getByRole("region", { name: "History" }).getByRole("listitem");
  await expect(history.first()).toContainText("Test: countries in the council: added");
  await expect(history.last()).toContainText("Status: Agreed");
  await expect(history.last()).toContainText("Records Editor");

  // The figure's own history page, from the targets list.
  await visitor.goto("/en/targets");
  await visitor.getByRole("region", { name: "Test: countries in the council" }).getByRole("link", { name: "History of this figure" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("History of Test: countries in the council");
  await expect(visitor.getByTestId("record-history")).toContainText("Added by Records Editor");
  await expect(visitor.getByTestId("record-history")).toContainText("Test target.");
  await expect(visitor.getByRole("region", { name: "Changes recorded on the initiative" })).toContainText("Test: countries in the council: added");
  await expect(visitor.getByTestId("record-history").getByRole("listitem").first()).toContainText("Corrected by Records Editor");
  await expect(visitor.getByTestId("record-history").getByRole("listitem").first()).toContainText("Baseline: (blank) → 2");
  await expect(visitor.getByRole("region", { name: "The figure now" })).toContainText("2 countries, 2025");
  await expect(visitor.getByRole("form", { name: "Correct this figure" })).toHaveCount(0);
  const figureHistory = new URL(visitor.url()).pathname;

  // The figure's history as an Atom feed, from its page through the feed's explainer.
  await visitor.getByRole("link", { name: "Follow the history (Atom feed)" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("The history of Test: countries in the council");
  const figureFeed = await visitor.request.get((await visitor.getByRole("link", { name: "Open the feed itself (XML)" }).getAttribute("href"))!);
  expect(figureFeed.status()).toBe(200);
  expect(figureFeed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const figureAtom = await figureFeed.text();
  expect(figureAtom).toContain("Test: countries in the council — Corrected: Baseline, Baseline period");
  expect(figureAtom).toContain("Note: Test figure correction.");
  // Newest first: the correction before the figure's addition.
  expect(figureAtom.indexOf("Corrected: Baseline")).toBeLessThan(figureAtom.indexOf("Test: countries in the council — Added"));

  await visitor.goto("/en/initiatives/water-use-framework-convention");
  await expect(visitor.getByTestId("announcements")).toContainText("announced 2 times");
  await expect(visitor.getByTestId("announcements").getByRole("link", { name: "Test water ministers meeting" })).toHaveAttribute(
    "href",
    "/en/events/test-water-ministers-meeting",
  );
  await expect(visitor.getByRole("region", { name: "History" }).getByRole("listitem").first()).toContainText("Announced again at");

  await visitor.goto("/en/events/test-water-ministers-meeting");
  await expect(visitor.getByTestId("event-reannounced")).toContainText("Central Asian Framework Convention on Water Use");
  await expect(visitor.getByTestId("record-history")).toContainText("Added by Records Editor");
  await expect(visitor.getByTestId("record-history").getByRole("listitem").first()).toContainText("Corrected by Records Editor");
  await expect(visitor.getByTestId("record-history").getByRole("listitem").first()).toContainText("Attendees: (blank) → KG");
  await expect(visitor.getByRole("main")).toContainText("Kyrgyzstan");
  await expect(visitor.getByRole("form", { name: "Correct this event" })).toHaveCount(0);
  // Its history as a feed too: the correction, who made it and why.
  await expect(visitor.getByRole("link", { name: "Follow the history (Atom feed)" })).toHaveAttribute("href", "/en/feed/events/test-water-ministers-meeting");
  const eventFeed = await (await visitor.request.get("/feeds/events/test-water-ministers-meeting.atom?lang=en")).text();
  expect(eventFeed).toContain("Test water ministers meeting — Corrected: Place (Russian), Attendees");
  expect(eventFeed).toContain("Note: Test correction.");
  expect(eventFeed).toContain("<name>Records Editor</name>");
  // The event page links to the list filtered by it.
  await visitor.getByRole("link", { name: "The initiatives filed under it, in the list with its filters" }).click();
  await expect(visitor).toHaveURL(/\/en\/initiatives\?event=test-water-ministers-meeting$/);
  const eventApi = await visitor.request.get("/api/v1/events/test-water-ministers-meeting");
  expect(eventApi.status()).toBe(200);
  expect((await eventApi.json()).data).toMatchObject({ placeRu: "Бишкек", version: 2, attendance: [{ code: "KG" }] });

  await visitor.goto(`/en/search?q=${encodeURIComponent("glacier monitoring council")}`);
  await expect(visitor.getByRole("main")).toContainText("Test regional glacier monitoring council");
  const api = await visitor.request.get(`/api/v1/initiatives/${slug}`);
  expect(api.status()).toBe(200);
  expect(JSON.stringify(await api.json())).toContain("мониторингу ледников");
  const feed = await visitor.request.get(`/feeds/initiatives/${slug}.atom?lang=en`);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("Test regional glacier monitoring council");
  const csv = await visitor.request.get("/api/export/initiatives.csv?theme=water_environment");
  expect(await csv.text()).toContain("Test regional glacier monitoring council");
  const sourcePage = await visitor.request.get("/en/sources");
  expect(await sourcePage.text()).toContain("ТЕСТ: водная встреча и ледники");
  // The new source's history as a feed: linked from its page, announced in its head, who added it.
  await visitor.goto("/en/sources");
  await visitor.getByRole("link", { name: "ТЕСТ: водная встреча и ледники" }).first().click();
  await expect(visitor.getByRole("link", { name: "Follow the history (Atom feed)" })).toHaveAttribute("href", /^\/en\/feed\/sources\/\d+$/);
  const sourceFeedPath = (await visitor.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href"))!;
  expect(sourceFeedPath).toMatch(/\/feeds\/sources\/\d+\.atom\?lang=en$/);
  const sourceFeed = await (await visitor.request.get(sourceFeedPath)).text();
  expect(sourceFeed).toContain("ТЕСТ: водная встреча и ледники — Added");
  expect(sourceFeed).toContain("<name>Records Editor</name>");

  // Usable at 390 px.
  await visitor.setViewportSize({ width: 390, height: 800 });
  for (const url of ["/en/events", "/en/events/test-water-ministers-meeting", `/en/initiatives/${slug}`, figureHistory]) {
    await visitor.goto(url);
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/en/editor/events/new");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await visitorContext.close();
});

test("a visitor suggests a correction without an account; an editor dismisses one, makes the change from the other and accepts it; the sender is told by mail", async ({
  page,
  browser,
}) => {
  // The app mails to this port (playwright.config.ts); a real SMTP server listens on it here.
  const sink = await startSmtpSink(Number(process.env.E2E_SMTP_PORT));
  try {
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto("/en/initiatives/single-tourism-space");
    await visitor.getByText("Suggest an update or a correction").click();
    const suggest = visitor.getByRole("form", { name: "Suggest an update or a correction" });
    await suggest.getByLabel("What should change, and why").fill("Too short");
    await suggest.getByLabel("Your e-mail for the answer (optional)").fill("not an address");
    await suggest.getByRole("button", { name: "Send the suggestion" }).click();
    // What was typed stays; the first field in error takes the focus.
    await expect(suggest.getByLabel("What should change, and why")).toBeFocused();
    await expect(suggest.getByText("Write at least 10 characters.")).toBeVisible();
    await suggest.getByLabel("What should change, and why").fill("Test data: the tourism space was discussed again in March.");
    await suggest.getByLabel("A link that shows it (optional)").fill("https://example.org/test-suggestion");
    await suggest.getByLabel("Your e-mail for the answer (optional)").fill("reader@example.test");
    await suggest.getByRole("button", { name: "Send the suggestion" }).click();
    await expect(suggest.getByRole("status")).toContainText("your suggestion is in the editors' queue");
    // A second one, without an e-mail, to be dismissed.
    await visitor.reload();
    await visitor.getByText("Suggest an update or a correction").click();
    await suggest.getByLabel("What should change, and why").fill("Test data: a second suggestion that is not borne out.");
    await suggest.getByRole("button", { name: "Send the suggestion" }).click();
    await expect(suggest.getByRole("status")).toContainText("your suggestion is in the editors' queue");
    // The e-mail is never shown publicly.
    await visitor.reload();
    expect(await visitor.content()).not.toContain("reader@example.test");

    const editor = await createAccount("editor", "Queue Editor");
    await logIn(page, editor);
    const second = page.getByTestId("suggestion-queue").getByRole("listitem").filter({ hasText: "not borne out" });
    const dismiss = second.getByRole("form", { name: /^Answer the suggestion/ });
    await dismiss.getByRole("button", { name: "Dismiss" }).click();
    await expect(dismiss.getByLabel("What you did, or why not")).toBeFocused();
    await dismiss.getByLabel("What you did, or why not").fill("The link does not say this (test).");
    await dismiss.getByRole("button", { name: "Dismiss" }).click();
    await expect(dismiss.getByRole("status")).toContainText("Suggestion dismissed.");

    const item = page.getByTestId("suggestion-queue").getByRole("listitem").filter({ hasText: "discussed again in March" });
    await expect(item).toContainText("Single tourism space");
    await expect(item).toContainText("The sender left an e-mail for the outcome.");
    await expect(item).not.toContainText("reader@example.test");
    // Accepting before any change is refused: the change comes first.
    const answer = item.getByRole("form", { name: /^Answer the suggestion/ });
    await answer.getByLabel("What you did, or why not").fill("Status changed (test).");
    await answer.getByRole("button", { name: "Accept (link my change)" }).click();
    await expect(answer.getByText("Make the change first")).toBeVisible();
    await expect(answer.getByLabel("What you did, or why not")).toHaveValue("Status changed (test).");

    // The status form opens filled in from the suggestion.
    await item.getByRole("link", { name: "Make the change from it (the form opens filled in)" }).click();
    await expect(page.getByTestId("suggestion-draft")).toContainText("discussed again in March");
    const form = page.getByRole("form", { name: "Change status or stage" });
    await expect(form.getByLabel("Note (why)")).toHaveValue("Test data: the tourism space was discussed again in March.");
    await expect(form.getByLabel("Link (http or https)")).toHaveValue("https://example.org/test-suggestion");
    // Another spec may have moved it already: change it to a status it does not have.
    const target =
      (await form.getByLabel("New status").inputValue()) === "agreed"
        ? { value: "in_preparation", label: "In preparation" }
        : { value: "agreed", label: "Agreed" };
    await form.getByLabel("New status").selectOption(target.value);
    await form.getByLabel("Override note").fill("Test data: the reader's link reports it.");
    await form.getByLabel("Title of the linked page").fill("Test suggestion page");
    await form.getByLabel("Date of the linked page").fill("2026-03-01");
    await form.getByRole("button", { name: "Save status" }).click();
    await expect(form.getByRole("status")).toContainText("Saved as version");
    const draft = page.getByTestId("suggestion-draft").getByRole("form", { name: /^Answer the suggestion/ });
    await draft.getByLabel("What you did, or why not").fill("Status changed, with the reader's link (test).");
    await draft.getByRole("button", { name: "Accept (link my change)" }).click();
    await expect(draft.getByRole("status")).toContainText("Suggestion accepted.");
    await page.goto("/en/editor");
    await expect(page.getByText("discussed again in March")).toHaveCount(0);

    // The sender is told, once, with a link to the change in the public history.
    const mail = await sink.waitFor("reader@example.test");
    expect(mail.subject).toBe("Your suggestion about “Single tourism space of Central Asian countries” led to a change");
    expect(mail.text).toContain("Status changed, with the reader's link (test).");
    const link = linkIn(mail.text, /\/en\/initiatives\/single-tourism-space#entry-\d+$/);
    // Opened as a mail link opens, in a new tab: the visitor's tab is on that page already, so
    // going to the link there would only scroll to the anchor in the copy loaded before the change.
    const fromMail = await visitorContext.newPage();
    await fromMail.goto(link);
    await expect(fromMail.locator(new URL(link).hash)).toContainText(target.label);
    expect(sink.messages.filter((m) => m.to === "reader@example.test")).toHaveLength(1);
    await visitorContext.close();
  } finally {
    await sink.close();
  }
});
