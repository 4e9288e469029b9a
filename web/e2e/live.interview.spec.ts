/**
 * A whole interview in headless Chromium against the real, running services (`make dev`; set
 * MOCKMIND_URL if not on :8000): landing → interview room (type in Monaco, run, verdicts, chat,
 * submit, feedback scorecard) → report. Every page is scanned with axe and screenshotted.
 *
 * The correct solution is the question bank's own Python reference for whichever problem the
 * interviewer picks, read from the repository next to this folder.
 */
import { expect, test, type Page } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expectAccessible, pasteIntoEditor, screenshot, typeInEditor } from "./browser";

const PROBLEMS_DIR = fileURLToPath(new URL("../../question-bank/question_bank/problems/", import.meta.url));

function referenceSolution(questionId: string): string {
  const path = `${PROBLEMS_DIR}${questionId}/reference.py`;
  if (!existsSync(path)) throw new Error(`no Python reference for ${questionId} at ${path}`);
  return readFileSync(path, "utf8");
}

/** The question the interviewer presented, read off the WebSocket as the browser receives it. */
function watchProblem(page: Page): () => string | null {
  let questionId: string | null = null;
  page.on("websocket", (socket) => {
    socket.on("framereceived", ({ payload }) => {
      try {
        const event = JSON.parse(String(payload));
        if (event.type === "problem_presented") questionId = event.payload.question_id;
      } catch {
        /* not JSON */
      }
    });
  });
  return () => questionId;
}

test("a whole interview from landing to report against the running services", async ({ page }) => {
  const problemId = watchProblem(page);
  page.on("console", (message) => {
    if (message.type() === "error") console.log(`browser console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) console.log(`HTTP ${response.status()} ${response.url()}`);
  });
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });

  await page.goto("/");
  await expect(page.getByRole("heading", { name: /practice the interview/i })).toBeVisible();
  await expectAccessible(page, "landing");
  await screenshot(page, "live-landing");

  await page.getByText("Easy", { exact: true }).click();
  await page.getByLabel("Language").selectOption("python");
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page).toHaveURL(/\/interview\/\?id=/);

  // The interviewer greets and presents a problem; the editor opens on its starter code
  const problemHeading = page.getByRole("region", { name: "Problem" }).getByRole("heading", { level: 2 });
  await expect(problemHeading).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("chat-interviewer").first()).not.toBeEmpty();
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 120_000 });
  await expect.poll(problemId, { timeout: 10_000 }).not.toBeNull();
  const reference = referenceSolution(problemId()!);
  const functionName = /def (\w+)\(/.exec(reference)![1];
  await expect(page.locator(".view-lines").first()).toContainText(`def ${functionName}`);

  // A clarifying question gets an answer
  const interviewerLines = await page.getByTestId("chat-interviewer").count();
  await page.getByLabel("Message the interviewer").fill("How large can the input get?");
  await page.getByLabel("Message the interviewer").press("Enter");
  await expect(page.getByTestId("chat-candidate").last()).toContainText("How large can the input get?");
  await expect(page.getByTestId("chat-interviewer")).toHaveCount(interviewerLines + 1, { timeout: 90_000 });

  // A wrong solution typed key by key: sample tests fail and show their input
  await typeInEditor(page, `def ${functionName}(*args):\nreturn None`);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-summary")).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("run-summary")).not.toContainText("Accepted");
  await expect(page.getByTestId("failing-input").first()).toContainText("expected");

  // The reference solution: accepted on the samples, then on the hidden tests through the interviewer
  await pasteIntoEditor(page, reference);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-summary")).toContainText("Accepted", { timeout: 90_000 });
  await expect(page.getByTestId("test-verdict").first()).toHaveText("Accepted");
  // wait until the interviewer has finished reacting, so Submit is enabled again
  await expect(page.getByRole("button", { name: "Submit", exact: true })).toBeEnabled({ timeout: 60_000 });
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("run-summary")).toContainText("Submission", { timeout: 120_000 });
  await expect(page.getByTestId("run-summary")).toContainText("Accepted");
  // Each streamed reply appears once, not repeated by its closing frame
  for (const text of await page.getByTestId("chat-interviewer").locator("p").allTextContents()) {
    const half = text.length / 2;
    expect(text.length > 20 && text.slice(0, half).trim() === text.slice(half).trim(), `repeated reply: ${text}`).toBe(false);
  }
  await expectAccessible(page, "interview room");
  await screenshot(page, "live-interview");

  // Feedback: the drawer opens and fills with the scorecard
  await page.getByRole("button", { name: "Get feedback" }).click();
  const drawer = page.getByRole("dialog", { name: "Feedback" });
  await expect(drawer.getByTestId("scorecard")).toBeVisible({ timeout: 120_000 });
  await expect(drawer.getByTestId("hire-signal")).not.toBeEmpty();
  await expectAccessible(page, "feedback drawer");
  await screenshot(page, "live-feedback");
  await page.keyboard.press("Escape");

  // Report
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("heading", { name: "Interview report" })).toBeVisible();
  await expect(page.getByTestId("scorecard")).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, "report");
  await screenshot(page, "live-report");

  // Every script the browser ran came from the gateway itself (no CDN)
  const origin = new URL(page.url()).origin;
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((url) => !url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:"))).toEqual([]);
});
