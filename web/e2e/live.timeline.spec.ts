/**
 * Issue 19 against the real, running services (scripts/browser_e2e.py starts them): pick a problem,
 * talk and run code, reopen the interview in a fresh browser with only the session token (same
 * transcript, code and results, no audio), finish, replay a chosen moment, and open a read-only share
 * link in another browser.
 */
import { expect, test } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expectAccessible, fakeAudioPlayback, freshPage, pasteIntoEditor, playedSources, screenshot } from "./browser";

const PROBLEMS_DIR = fileURLToPath(new URL("../../question-bank/question_bank/problems/", import.meta.url));
const PROBLEM_ID = "missing_locker";
const QUESTION = "Can the list of lockers be empty?";

function reference(questionId: string): string {
  const path = `${PROBLEMS_DIR}${questionId}/reference.py`;
  if (!existsSync(path)) throw new Error(`no Python reference for ${questionId}`);
  return readFileSync(path, "utf8");
}

test("pick a problem, resume elsewhere with only the token, replay a moment, share it", async ({ page, browser, baseURL }) => {
  // Pick the problem by searching for it
  await page.goto("/");
  await page.getByText("Let me choose").click();
  const picker = page.getByTestId("problem-picker");
  await picker.getByLabel("Search problems").fill("locker");
  const choice = picker.getByRole("radio").first();
  await expect(choice).toBeVisible({ timeout: 30_000 });
  const title = (await picker.getByTestId("problem-list").locator("label").first().locator("span.text-sm.font-medium").first().textContent())!.trim();
  await choice.check();
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page).toHaveURL(/\/interview\/\?id=/);
  const sessionId = new URL(page.url()).searchParams.get("id")!;
  await expect(page.getByRole("region", { name: "Problem" }).getByRole("heading", { level: 2 })).toHaveText(title, { timeout: 90_000 });

  // A question, an answer, and an accepted run
  await page.getByLabel("Message the interviewer").fill(QUESTION);
  const answered = await page.getByTestId("chat-interviewer").count();
  await page.getByLabel("Message the interviewer").press("Enter");
  await expect(page.getByTestId("chat-interviewer")).toHaveCount(answered + 1, { timeout: 90_000 });
  await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 120_000 });
  await pasteIntoEditor(page, reference(PROBLEM_ID));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-summary")).toContainText("Accepted", { timeout: 90_000 });
  const transcript = await page.getByTestId("chat-interviewer").allTextContents();

  // Another browser with only the session token: the server's record alone rebuilds the room
  const token = await page.evaluate((id) => JSON.parse(localStorage.getItem("mockmind:sessions")!).find((s: { sessionId: string }) => s.sessionId === id).token, sessionId);
  const other = await freshPage(browser, baseURL);
  await fakeAudioPlayback(other.page);
  await other.page.goto(`/interview/?id=${sessionId}#token=${token}`);
  await expect(other.page.getByTestId("chat-candidate").first()).toContainText(QUESTION, { timeout: 60_000 });
  await expect(other.page.getByTestId("chat-interviewer")).toHaveText(transcript);
  await expect(other.page.getByTestId("run-summary")).toContainText("Accepted");
  await expect(other.page.locator(".view-lines").first()).toContainText("def ", { timeout: 120_000 });
  await expect(other.page.getByTestId("connection-status")).toHaveText("Live");
  await other.page.waitForTimeout(1_000);
  expect(await playedSources(other.page)).toEqual([]);
  await other.context.close();

  // Finish, then the replay: at the moment of the question, no run yet
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("heading", { name: "Interview report" })).toBeVisible();
  await page.goto(`/replay/?session=${sessionId}`);
  await expect(page.getByTestId("replay-runs")).toContainText("Accepted", { timeout: 30_000 });
  const slider = page.getByTestId("replay-slider");
  const min = Number(await slider.getAttribute("min"));
  await slider.fill(String(min + 1000));
  await expect(page.getByTestId("replay-chat")).not.toContainText(QUESTION);
  await slider.fill((await slider.getAttribute("max"))!);
  await expect(page.getByTestId("replay-chat")).toContainText(QUESTION);
  await expect(page.getByTestId("replay-code")).toContainText("def ");
  await expectAccessible(page, "live replay");
  await screenshot(page, "live-replay");

  // A read-only share link opens in another browser
  await page.getByTestId("share-replay").click();
  const link = (await page.getByTestId("share-link").getAttribute("href"))!;
  const mentor = await freshPage(browser, baseURL);
  await mentor.page.goto(link);
  await expect(mentor.page.getByText("Read-only replay")).toBeVisible({ timeout: 30_000 });
  await expect(mentor.page.getByTestId("replay-chat")).toContainText(QUESTION);
  await mentor.page.goto(link.replace(/share=.*/, "share=forged"));
  await expect(mentor.page.getByText("This share link is not valid")).toBeVisible();
  await mentor.context.close();
});
