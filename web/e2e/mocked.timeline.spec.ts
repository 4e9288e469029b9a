/**
 * Issue 19 in the browser, gateway mocked (mock-gateway.ts): picking a problem, resuming from the
 * server's record in a fresh browser with only the session token, the replay at a chosen moment, a
 * read-only share link that expires, and the progress page with "Practise my weak spots". Screens at
 * 1440, 768 and 390 px with axe.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, fakeAudioPlayback, freshPage, pasteIntoEditor, playedSources, screenshot } from "./browser";
import { CORRECT_SOLUTION, installMockGateway, PROBLEMS, SESSION_ID, SHARE_TOKEN, threeInterviews, TOKEN } from "./mock-gateway";
import type { TimelineEvent } from "../lib/timeline";

const WIDTHS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "phone", width: 390, height: 844 },
] as const;

/** This browser knows the session (as after starting it here). */
async function rememberSession(page: Page) {
  await page.addInitScript(
    ({ sessionId, token }) => {
      if (localStorage.getItem("mockmind:sessions")) return;
      localStorage.setItem(
        "mockmind:sessions",
        JSON.stringify([{ sessionId, token, difficulty: "easy", language: "python", topic: null, durationMinutes: 45, createdAt: new Date().toISOString(), startMessageId: "m0", finished: true }]),
      );
    },
    { sessionId: SESSION_ID, token: TOKEN },
  );
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** A finished interview, second by second, as the server's timeline holds it. */
const START = Date.parse("2026-12-01T10:00:00Z");
const at = (seconds: number) => new Date(START + seconds * 1000).toISOString();
const FIRST_CODE = "def contains_duplicate(nums):\n    return False\n";
const FINISHED: TimelineEvent[] = [
  { seq: 1, at: at(2), type: "agent_phase_change", payload: { from_phase: null, to_phase: "greeting" } },
  { seq: 2, at: at(3), type: "interviewer_msg", payload: { turn_id: "t1", kind: "complete", text: "Hi! Here is today's problem." } },
  { seq: 3, at: at(4), type: "voice_audio", payload: { url: "/api/audio/greeting.wav", sentence_index: 0, text: "Hi! Here is today's problem." } },
  { seq: 4, at: at(5), type: "problem_presented", payload: { question_id: "contains_duplicate", title: "Contains Duplicate", difficulty: "easy", statement_md: "Return true if any value appears twice.", starter_code: "", language: "python", sample_tests: [] } },
  { seq: 5, at: at(6), type: "agent_phase_change", payload: { from_phase: "greeting", to_phase: "clarifying" } },
  { seq: 5, at: at(60), type: "candidate_message", payload: { text: "Can the array be empty?", spoken: false } },
  { seq: 6, at: at(62), type: "interviewer_msg", payload: { turn_id: "t2", kind: "complete", text: "Yes, it can be empty." } },
  { seq: 7, at: at(90), type: "agent_phase_change", payload: { from_phase: "clarifying", to_phase: "observing" } },
  { seq: 7, at: at(120), type: "code_snapshot", payload: { code: FIRST_CODE, language: "python" } },
  { seq: 8, at: at(130), type: "code_result", payload: { submission_id: "s1", mode: "run", language: "python", result: { verdict: "wrong_answer", tests: [], passed: 1, total: 2, compile_output: "", time_ms: 30, message: "" } } },
  { seq: 9, at: at(150), type: "hint_given", payload: { level: 1, hints_used: 1, max_level: 3 } },
  { seq: 9, at: at(200), type: "candidate_message", payload: { text: "I'll keep a set of what I've seen.", spoken: true, audio_url: "/api/audio/candidate-kept.wav" } },
  { seq: 9, at: at(240), type: "code_snapshot", payload: { code: CORRECT_SOLUTION, language: "python" } },
  { seq: 10, at: at(250), type: "code_result", payload: { submission_id: "s2", mode: "submit", language: "python", result: { verdict: "accepted", tests: [], passed: 4, total: 4, compile_output: "", time_ms: 30, message: "" } } },
  { seq: 11, at: at(260), type: "agent_phase_change", payload: { from_phase: "observing", to_phase: "wrapping_up" } },
  { seq: 12, at: at(300), type: "interview_ended", payload: { reason: "solved", ended_at: at(300) } },
];

test("picking a problem starts that problem", async ({ page }) => {
  const gateway = await installMockGateway(page);
  await page.goto("/");
  await page.getByText("Let me choose").click();
  const picker = page.getByTestId("problem-picker");
  await expect(picker.getByRole("radio")).toHaveCount(PROBLEMS.length);
  await picker.getByLabel("Search problems").fill("stairs");
  await expect(picker.getByRole("radio")).toHaveCount(1);
  await picker.getByLabel("Search problems").fill("");
  await picker.getByLabel("Topic").selectOption("dp_1d");
  await expect(picker.getByRole("radio")).toHaveCount(2);
  await picker.getByRole("radio", { name: "Climbing Stairs" }).check();
  await expect(page.getByTestId("picked-problem")).toContainText("Climbing Stairs");
  await expectAccessible(page, "landing with the problem picker");
  await screenshot(page, "timeline-problem-picker");
  await page.getByRole("button", { name: "Start interview" }).click();

  await expect(page.getByRole("heading", { name: "Climbing Stairs", level: 2 })).toBeVisible();
  expect(gateway.created[0]).toMatchObject({ question_id: "climbing_stairs", difficulty: "easy", language: "python" });
  expect(gateway.created[0].candidate_key).toMatch(/^[A-Za-z0-9_-]{16,}$/);
});

test("a fresh browser with only the session token resumes the same transcript, code and results, without audio", async ({ page, browser, baseURL }) => {
  await fakeAudioPlayback(page);
  const gateway = await installMockGateway(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Start interview" }).click();
  await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
  await page.getByRole("tab", { name: /^Chat/ }).click({ timeout: 2_000 }).catch(() => undefined); // narrow layouts only
  await page.getByLabel("Message the interviewer").fill("Can the array be empty?");
  await page.getByLabel("Message the interviewer").press("Enter");
  await expect(page.getByTestId("chat-interviewer").last()).toContainText("Go ahead");
  await pasteIntoEditor(page, CORRECT_SOLUTION);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-summary")).toContainText("Accepted");
  await expect.poll(() => playedSources(page)).not.toHaveLength(0); // the greeting was spoken live

  // Another browser: no localStorage, only the link with the token in its fragment
  const other = await freshPage(browser, baseURL);
  await fakeAudioPlayback(other.page);
  const audioRequests: string[] = [];
  other.page.on("request", (request) => request.url().includes("/api/audio/") && audioRequests.push(request.url()));
  const second = await installMockGateway(other.page, { record: gateway.record });
  await other.page.goto(`/interview/?id=${SESSION_ID}#token=${TOKEN}`);
  await expect(other.page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
  await expect(other.page.getByTestId("chat-candidate").first()).toContainText("Can the array be empty?");
  await expect(other.page.getByTestId("chat-interviewer").first()).toContainText("Hi, I'm your interviewer");
  await expect(other.page.locator(".view-lines").first()).toContainText("seen = set()", { timeout: 30_000 });
  await expect(other.page.getByTestId("run-summary")).toContainText("Accepted");
  await expect(other.page.getByTestId("connection-status")).toHaveText("Live");
  expect(other.page.url()).not.toContain(TOKEN); // the fragment is dropped once kept
  expect(second.resumes[0]).toBe(Math.max(...gateway.record.map((event) => event.seq))); // nothing old is resent
  expect(second.received.filter((event) => event.type === "start_interview")).toHaveLength(0);
  await other.page.waitForTimeout(500);
  expect(await playedSources(other.page)).toEqual([]);
  expect(audioRequests).toEqual([]);
  await other.context.close();
});

test("the replay at a chosen moment shows that moment's code and conversation; keys play and step", async ({ page }) => {
  await fakeAudioPlayback(page);
  await rememberSession(page);
  await installMockGateway(page, { record: FINISHED, createdAt: at(0) });
  await page.goto(`/replay/?session=${SESSION_ID}`);
  await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 1 })).toBeVisible();
  // Opens at the end
  await expect(page.getByTestId("replay-code")).toContainText("seen = set()");
  await expect(page.getByTestId("replay-runs")).toContainText("Accepted");

  // 2:10 in: the first snapshot and its failed run, the first question only
  await page.getByTestId("replay-slider").fill(String(START + 130_000));
  await expect(page.getByTestId("replay-clock")).toHaveText("2:10 / 5:00");
  await expect(page.getByTestId("replay-code")).toContainText("return False");
  await expect(page.getByTestId("replay-code")).not.toContainText("seen");
  await expect(page.getByTestId("replay-chat")).toContainText("Can the array be empty?");
  await expect(page.getByTestId("replay-chat")).not.toContainText("keep a set");
  await expect(page.getByTestId("replay-runs")).toContainText("Wrong answer");
  await expect(page.getByTestId("replay-phase")).toHaveText("Coding");

  // The keyboard: Shift+→ jumps to the next moment (the hint), → steps 5 s, Space plays
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByTestId("replay-clock")).toHaveText("2:30 / 5:00");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("replay-clock")).toHaveText("2:35 / 5:00");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("replay-play")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("replay-chat")).toContainText("keep a set", { timeout: 30_000 });
  await page.keyboard.press("Space");
  await expect(page.getByTestId("replay-play")).toHaveAttribute("aria-pressed", "false");

  // The diff to the previous snapshot, and the interviewer's audio by URL when asked
  await page.getByTestId("replay-slider").fill(String(START + 245_000));
  await page.getByRole("button", { name: "Changes" }).click();
  await expect(page.getByTestId("replay-diff")).toContainText("seen = set()");
  await expect(page.getByTestId("replay-diff")).toContainText("added:");
  await expect(page.getByTestId("replay-diff")).toContainText("removed:");
  expect(await playedSources(page)).toEqual([]); // nothing plays by itself
  await page.getByRole("button", { name: /^Play: Hi!/ }).click();
  await expect.poll(() => playedSources(page)).toEqual([expect.stringContaining("/api/audio/greeting.wav")]);
  // The candidate's own voice, kept because they opted in, plays from its URL too
  await page.getByRole("button", { name: /^Play your voice: I'll keep a set/ }).click();
  await expect.poll(() => playedSources(page)).toEqual([expect.stringContaining("greeting.wav"), expect.stringContaining("/api/audio/candidate-kept.wav")]);
  await expectAccessible(page, "replay");
  await screenshot(page, "timeline-replay");
});

test("a share link opens the replay read-only in another browser, and expires", async ({ page, browser, baseURL }) => {
  await rememberSession(page);
  await installMockGateway(page, { record: FINISHED, createdAt: at(0) });
  await page.goto(`/replay/?session=${SESSION_ID}`);
  await page.getByTestId("share-replay").click();
  const link = await page.getByTestId("share-link").getAttribute("href");
  expect(link).toContain(`/replay?share=${SHARE_TOKEN}`);

  const mentor = await freshPage(browser, baseURL);
  const mentorGateway = await installMockGateway(mentor.page, { record: FINISHED, createdAt: at(0) });
  await mentor.page.goto(link!);
  await expect(mentor.page.getByText("Read-only replay")).toBeVisible();
  await expect(mentor.page.getByTestId("replay-code")).toContainText("seen = set()");
  await expect(mentor.page.getByTestId("share-replay")).toHaveCount(0);
  await expect(mentor.page.getByRole("textbox")).toHaveCount(0); // nothing to type into: read-only
  mentorGateway.expireShares();
  await mentor.page.reload();
  await expect(mentor.page.getByText("This share link has expired")).toBeVisible();
  await mentor.page.goto("/replay/?share=forged-token");
  await expect(mentor.page.getByText("This share link is not valid")).toBeVisible();
  await mentor.context.close();
});

test("after three interviews the progress page shows the trend and the weakest topic, and practising starts on it", async ({ page, browser, baseURL }) => {
  const gateway = await installMockGateway(page, { progress: threeInterviews() });
  await page.goto("/progress/");
  await expect(page.getByTestId("weakest-topic")).toHaveText("1-D dynamic programming");
  const chart = page.getByTestId("score-chart");
  await expect(chart.locator("polyline")).toHaveCount(3);
  await expect(chart).toHaveAttribute("aria-label", /Problem solving: 3, 1, 4/);
  await expect(page.getByTestId("failed-topics").locator("li").first()).toContainText("1-D dynamic programming");
  await expect(page.getByTestId("failed-categories").locator("li").first()).toContainText("empty");
  await expect(page.getByTestId("progress-table")).toContainText("10 min 10 s");
  await expect(page.getByTestId("progress-table")).toContainText("4 min 05 s");
  const key = (await page.getByTestId("candidate-key").textContent())!;
  expect(gateway.progressKeys).toEqual([key]);
  await expectAccessible(page, "progress");
  await screenshot(page, "timeline-progress");

  // The key carried to another browser by link shows the same history there
  const elsewhere = await freshPage(browser, baseURL);
  const otherGateway = await installMockGateway(elsewhere.page, { progress: threeInterviews() });
  await elsewhere.page.goto(`/progress/#key=${key}`);
  await expect(elsewhere.page.getByTestId("candidate-key")).toHaveText(key);
  // The key is shown as soon as it is adopted; the progress request follows it
  await expect.poll(() => otherGateway.progressKeys).toEqual([key]);
  await elsewhere.context.close();

  await page.getByTestId("practise-weak-spots").click();
  await expect(page.getByRole("heading", { name: "House Robber", level: 2 })).toBeVisible();
  expect(gateway.created[0]).toMatchObject({ practise_weak_spots: true, candidate_key: key });
});

for (const size of WIDTHS) {
  test(`timeline screens at ${size.width} px: picker, progress, replay`, async ({ browser, baseURL }) => {
    const { context, page } = await freshPage(browser, baseURL, size.width, size.height);
    await rememberSession(page);
    await installMockGateway(page, { progress: threeInterviews(), record: FINISHED, createdAt: at(0) });
    const tag = `${size.name}-${size.width}`;

    await page.goto("/");
    await page.getByText("Let me choose").click();
    await expect(page.getByTestId("problem-picker").getByRole("radio")).toHaveCount(PROBLEMS.length);
    await expectNoSidewaysScroll(page, "picker");
    await expectAccessible(page, `picker ${tag}`);
    await page.getByTestId("problem-picker").scrollIntoViewIfNeeded();
    await screenshot(page, `timeline-${tag}-picker`);

    await page.goto("/progress/");
    await expect(page.getByTestId("score-chart")).toBeVisible();
    await expectNoSidewaysScroll(page, "progress");
    await expectAccessible(page, `progress ${tag}`);
    await screenshot(page, `timeline-${tag}-progress`);

    await page.goto(`/replay/?session=${SESSION_ID}`);
    await expect(page.getByTestId("replay-code")).toBeVisible();
    await page.getByTestId("replay-slider").fill(String(START + 130_000));
    await expectNoSidewaysScroll(page, "replay");
    await expectAccessible(page, `replay ${tag}`);
    await screenshot(page, `timeline-${tag}-replay`);
    await context.close();
  });
}
