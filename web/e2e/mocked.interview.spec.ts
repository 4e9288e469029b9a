/**
 * The whole client in a real browser with the gateway mocked (see mock-gateway.ts): landing →
 * interview (Monaco, run, verdicts, chat, voice, feedback) → report, plus reconnect-and-resume.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, fakeAudioPlayback, pasteIntoEditor, playedSources, screenshot, typeInEditor, useTheme } from "./browser";
import { CORRECT_SOLUTION, installMockGateway, SESSION_ID, silentWav } from "./mock-gateway";

/** Records what the page plays instead of using an audio device, and fakes speech recognition. */
async function instrumentMedia(page: Page, withSpeech: boolean) {
  await fakeAudioPlayback(page);
  await page.addInitScript((speech) => {
    const scope = window as unknown as Record<string, unknown>;
    delete scope.SpeechRecognition;
    delete scope.webkitSpeechRecognition;
    if (speech) {
      scope.webkitSpeechRecognition = class {
        lang = "en-US";
        continuous = false;
        interimResults = false;
        onresult: ((event: unknown) => void) | null = null;
        onerror: ((event: unknown) => void) | null = null;
        onend: (() => void) | null = null;
        start() {
          setTimeout(() => {
            const result = Object.assign([{ transcript: "I would use a hash set", confidence: 0.93 }], { isFinal: true });
            this.onresult?.({ resultIndex: 0, results: [result] });
          }, 50);
        }
        stop() {
          setTimeout(() => this.onend?.(), 10);
        }
        abort() {
          this.onend?.();
        }
      };
    }
  }, withSpeech);
}

test("a whole interview from landing to report", async ({ page }) => {
  await instrumentMedia(page, true);
  const gateway = await installMockGateway(page);

  // Landing
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /practice the interview/i })).toBeVisible();
  await expectAccessible(page, "landing");
  await screenshot(page, "mocked-landing");
  await page.getByText("Easy", { exact: true }).click();
  await page.getByLabel("Language").selectOption("python");
  await page.getByLabel("Topic (optional)").selectOption("arrays_hashing");
  await page.getByRole("button", { name: "Start interview" }).click();

  // Interview room: the interviewer greets and presents the problem; the editor gets the starter code
  await expect(page).toHaveURL(new RegExp(`/interview/\\?id=${SESSION_ID}`));
  await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
  await expect(page.getByTestId("chat-interviewer").first()).toContainText("I'm your interviewer");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".view-lines").first()).toContainText("def contains_duplicate");
  await expect(page.getByTestId("phase-indicator").locator('[aria-current="step"]')).toHaveText("Clarifying");
  expect(gateway.received.filter((event) => event.type === "start_interview")).toHaveLength(1);

  // Voice chunks arrived as index 1 then 0; they must play as 0 then 1
  await expect.poll(async () => (await playedSources(page)).length).toBe(2);
  const played = await playedSources(page);
  expect(played.map((src) => src.split(",")[1])).toEqual([silentWav(1), silentWav(2)]);

  // Chat, typed and spoken
  await page.getByLabel("Message the interviewer").fill("Can the array be empty?");
  await page.getByLabel("Message the interviewer").press("Enter");
  await expect(page.getByTestId("chat-candidate").first()).toContainText("Can the array be empty?");
  await expect(page.getByTestId("chat-interviewer").nth(1)).toContainText("talk me through it");
  await page.getByRole("button", { name: "Talk" }).click();
  await expect(page.getByTestId("chat-candidate").nth(1)).toContainText("I would use a hash set");
  const voice = gateway.received.find((event) => event.type === "send_voice");
  expect(voice?.payload).toEqual({ transcript: "I would use a hash set", confidence: 0.93, language: "en-US" });

  // A wrong first attempt: the failing sample shows its input
  await typeInEditor(page, "def contains_duplicate(nums):\nreturn False");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-summary")).toContainText("Wrong answer");
  await expect(page.getByTestId("failing-input")).toContainText("nums = [1, 2, 3, 4]");
  // Python's own words for the values, and the interviewer's "sample_2" in the screen's vocabulary
  await expect(page.getByTestId("failing-input")).toContainText("False");
  await expect(page.getByTestId("failing-input")).toContainText("None");
  await expect(page.getByTestId("chat-interviewer").last()).toContainText("first failure is Test 2");
  await expect(page.getByText("sample_2")).toHaveCount(0);
  await expect(page.getByTestId("test-result")).toHaveCount(2);
  const typed = gateway.received.filter((event) => event.type === "run_code").at(-1);
  // typed key by key: Monaco indented the body after the colon
  expect(typed?.payload).toMatchObject({ mode: "run", code: "def contains_duplicate(nums):\n    return False" });

  // The debounced snapshot reached the interviewer
  await expect.poll(() => gateway.received.filter((event) => event.type === "code_snapshot").length).toBeGreaterThan(0);

  // The right solution: accepted on samples, then submitted against hidden tests
  await pasteIntoEditor(page, CORRECT_SOLUTION);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-summary")).toContainText("Accepted");
  await expect(page.getByTestId("test-verdict")).toHaveText(["Accepted", "Accepted"]);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("run-summary")).toContainText("Submission");
  await expect(page.getByTestId("run-summary")).toContainText("4/4 passed");
  await expect(page.getByTestId("chat-interviewer").last()).toContainText("complexity");
  const submitted = gateway.received.filter((event) => event.type === "run_code").at(-1);
  expect(submitted?.payload).toMatchObject({ mode: "submit", language: "python", code: CORRECT_SOLUTION });
  await expectAccessible(page, "interview room");
  await screenshot(page, "mocked-interview");

  // Feedback drawer with the scorecard
  await page.getByRole("button", { name: "Get feedback" }).click();
  const drawer = page.getByRole("dialog", { name: "Feedback" });
  await expect(drawer.getByTestId("scorecard")).toBeVisible();
  await expect(drawer.getByTestId("hire-signal")).toHaveText("Hire");
  await expect(drawer).toContainText("O(n) time, O(n) space");
  await expectAccessible(page, "feedback drawer");
  await screenshot(page, "mocked-feedback");
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  // The code survives a refresh, and so does the conversation (replayed, with the candidate's lines in place)
  await page.reload();
  await expect(page.locator(".view-lines").first()).toContainText("seen = set()", { timeout: 30_000 });
  await expect(page.getByTestId("chat-candidate").first()).toContainText("Can the array be empty?");
  expect(gateway.received.filter((event) => event.type === "start_interview")).toHaveLength(1);

  // Report
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page).toHaveURL(/\/report\/\?id=/);
  await expect(page.getByRole("heading", { name: "Interview report" })).toBeVisible();
  await expect(page.getByTestId("scorecard")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Contains Duplicate" })).toBeVisible();
  expect(gateway.received.filter((event) => event.type === "end_interview")).toHaveLength(1);
  await expectAccessible(page, "report");
  await screenshot(page, "mocked-report");

  // Back on the landing page the session is listed
  await page.getByRole("link", { name: "All sessions" }).click();
  await expect(page.getByRole("list", { name: "Past sessions" })).toContainText("Contains Duplicate");
});

test("reconnects after a dropped connection and resumes from the last event it saw", async ({ page }) => {
  await instrumentMedia(page, false);
  const gateway = await installMockGateway(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
  const seenBefore = gateway.connections.length;

  await gateway.dropConnection();
  // Events produced while the browser is away must arrive after it reconnects, exactly once
  gateway.emit("interviewer_msg", { turn_id: "while-away", kind: "complete", text: "Are you still there?" });
  await expect(page.getByTestId("connection-status")).toHaveText("Live", { timeout: 15_000 });
  await expect.poll(() => gateway.connections.length).toBe(seenBefore + 1);
  expect(new URL(gateway.connections.at(-1)!).search).toBe(""); // no token or resume point in the URL
  const resumeFrom = gateway.resumes.at(-1)!;
  expect(resumeFrom).toBeGreaterThan(0);
  await expect(page.getByText("Are you still there?")).toHaveCount(1);
  await expect(page.getByTestId("chat-interviewer")).toHaveCount(2);
});

test("dark theme, the no-speech notice, and mute", async ({ page }) => {
  await useTheme(page, "dark");
  await instrumentMedia(page, false);
  const gateway = await installMockGateway(page);
  await page.goto("/");
  await expectAccessible(page, "landing (dark)");
  await screenshot(page, "mocked-landing-dark");
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
  await expect(page.getByTestId("no-speech-notice")).toBeVisible();
  await expect(page.getByRole("button", { name: "Talk" })).toBeDisabled();

  await page.getByRole("button", { name: "Mute interviewer voice" }).click();
  await expect(page.getByRole("button", { name: "Unmute interviewer voice" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => gateway.received.find((event) => event.type === "set_voice")?.payload).toEqual({ muted: true });
  // The server's "unknown event" answer to set_voice is not shown to the candidate
  await page.waitForTimeout(500);
  await expect(page.getByText("unknown_event_type")).toHaveCount(0);
  await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, "interview room (dark)");
  await screenshot(page, "mocked-interview-dark");
});

test("the report falls back to this browser's scorecard when the gateway has none", async ({ page }) => {
  await instrumentMedia(page, false);
  const gateway = await installMockGateway(page, { reportStatus: 404 });
  await page.goto("/");
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
  await page.getByRole("button", { name: "Get feedback" }).click();
  await expect(page.getByTestId("scorecard")).toBeVisible();
  expect(gateway.received.some((event) => event.type === "request_feedback")).toBe(true);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByTestId("report-fallback")).toBeVisible();
  await expect(page.getByTestId("scorecard")).toBeVisible();
});
