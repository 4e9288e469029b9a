/**
 * The server's speech recognition and barge-in in a real Chromium with a fake microphone (a WAV
 * made here), the gateway mocked (mock-gateway.ts answers audio with partial and final transcripts).
 */
import { chromium, expect, test, type Page } from "@playwright/test";
import { expectAccessible, screenshot } from "./browser";
import { bargeInDelays, fakeMicLaunchOptions, median, scriptedVoice, wavBytes, writeWav } from "./fake-mic";
import { HEARD, installMockGateway, SESSION_ID } from "./mock-gateway";
import type { AudioChunkPayload } from "../lib/types";

/** A long interviewer sentence: 6 s of a soft tone, so there is time to talk over it. */
const LONG_REPLY_B64 = wavBytes(Float32Array.from({ length: 16_000 * 6 }, (_, index) => 0.05 * Math.sin((2 * Math.PI * 220 * index) / 16_000))).toString("base64");

/** Play and pause of every media element, with their times, recorded in the page. */
async function recordPlayback(page: Page) {
  await page.addInitScript(() => {
    const log: { what: string; at: number }[] = [];
    (window as unknown as { __playback: typeof log }).__playback = log;
    const play = HTMLMediaElement.prototype.play;
    const pause = HTMLMediaElement.prototype.pause;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      log.push({ what: "play", at: performance.now() });
      return play.call(this);
    };
    HTMLMediaElement.prototype.pause = function (this: HTMLMediaElement) {
      if (!this.paused) log.push({ what: "pause", at: performance.now() });
      return pause.call(this);
    };
  });
}

async function openRoom(page: Page) {
  await page.goto("/");
  // on a loaded machine the first click can land before the form is interactive: try again
  await expect(async () => {
    await page.getByText("Easy", { exact: true }).click();
    await page.getByRole("button", { name: "Start interview" }).click();
    await expect(page).toHaveURL(new RegExp(`/interview/\\?id=${SESSION_ID}`), { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "Contains Duplicate", level: 2 })).toBeVisible();
}

/**
 * A page in its own Chromium whose microphone plays `wav` (the fake device is chosen at launch,
 * so each scenario launches one).
 */
async function withFakeMic(wav: string, baseURL: string | undefined, body: (page: Page) => Promise<void>) {
  const browser = await chromium.launch(fakeMicLaunchOptions(wav));
  try {
    const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
    await body(await context.newPage());
  } finally {
    await browser.close();
  }
}

const marks = (page: Page) =>
  page.evaluate(() => ({
    onset: performance.getEntriesByName("mockmind:candidate-speech").map((entry) => entry.startTime),
    stopped: performance.getEntriesByName("mockmind:interviewer-stopped").map((entry) => entry.startTime),
  }));

test.describe("a candidate who asks a question", () => {
  // 0.5 s of quiet, 2.5 s of voice, 3 s of quiet, looping
  const wav = writeWav("question.wav", scriptedVoice([[0.5, false], [2.5, true], [3, false]]));

  test("streams 16 kHz audio, shows the partial transcript live and the final one as the candidate's message", async ({ baseURL }) => withFakeMic(wav, baseURL, async (page) => {
    const gateway = await installMockGateway(page, { stt: true });
    await openRoom(page);
    await expect(page.getByTestId("speech-privacy")).toContainText("this MockMind server");
    await expect(page.getByTestId("keep-voice")).not.toBeChecked(); // the candidate's voice is kept only if they ask

    await page.getByTestId("talk-button").click();
    await expect(page.getByRole("button", { name: "Stop talking" })).toBeVisible();
    await expect(page.getByTestId("transcript-partial")).toContainText("What is", { timeout: 15_000 });
    await expectAccessible(page, "room while talking");
    await screenshot(page, "mocked-voice-partial");

    await page.getByRole("button", { name: "Stop talking" }).click();
    const candidate = page.getByTestId("chat-candidate").last();
    await expect(candidate).toContainText(HEARD);
    await expect(candidate).toContainText("You (voice)");
    await expect(page.getByTestId("transcript-partial")).toHaveCount(0);
    await expect(page.getByTestId("chat-interviewer").last()).toContainText("linear time");
    await expect(page.getByTestId("speaking-chip")).toContainText("wpm");

    // What went over the socket: real-time 16 kHz int16 chunks of 200 ms, in order, then audio_end
    const chunks = gateway.received.filter((event) => event.type === "audio_chunk").map((event) => event.payload as AudioChunkPayload);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    const utterance = chunks[0].utterance_id;
    expect(chunks.every((chunk) => chunk.utterance_id === utterance && chunk.coding === false)).toBe(true);
    expect(chunks.every((chunk) => chunk.keep_audio === false)).toBe(true);
    expect(chunks.map((chunk) => chunk.seq)).toEqual(chunks.map((_, index) => index));
    for (const chunk of chunks.slice(0, -1)) expect(Buffer.from(chunk.pcm16, "base64").length).toBe(6_400);
    const loud = chunks.some((chunk) => {
      const bytes = Buffer.from(chunk.pcm16, "base64");
      const samples = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
      return samples.some((sample) => Math.abs(sample) > 1_000);
    });
    expect(loud, "the fake microphone's voice reached the chunks").toBe(true);
    expect(gateway.received.filter((event) => event.type === "audio_end")).toEqual([
      expect.objectContaining({ payload: { utterance_id: utterance } }),
    ]);
    // The server takes the final transcript as the message: the page never sends it again
    expect(gateway.received.filter((event) => event.type === "send_message" || event.type === "send_voice")).toEqual([]);
    await expectAccessible(page, "room after a spoken question");
    await screenshot(page, "mocked-voice-final");

    // With the opt-in ticked, every chunk asks the server to keep the voice for the replay
    const sentBefore = gateway.received.length;
    await page.getByTestId("keep-voice").check();
    await page.getByTestId("talk-button").click();
    const keptChunks = () => gateway.received.slice(sentBefore).filter((event) => event.type === "audio_chunk").map((event) => event.payload as AudioChunkPayload);
    await expect.poll(() => keptChunks().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await page.getByRole("button", { name: "Stop talking" }).click();
    expect(keptChunks().every((chunk) => chunk.keep_audio === true)).toBe(true);

    // The report shows the speaking analytics and their moments, in time order
    await page.getByTestId("finish-button").click();
    await expect(page.getByTestId("report-speaking")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("speaking-figures")).toContainText("142");
    await expect(page.getByTestId("speaking-figures")).toContainText("46%");
    await expect(page.getByTestId("filler-counts")).toContainText("“um” 2×");
    await expect(page.getByTestId("speaking-moments").locator("li")).toHaveText([/1:01.*Long pause/, /1:35.*Filler words/]);
    await expectAccessible(page, "report with speaking analytics");
    await screenshot(page, "mocked-voice-report");
  }));
});

test.describe("a candidate who talks over the interviewer", () => {
  // 1 s of quiet, then 2 s of voice, looping: the voice comes while the long reply plays
  const wav = writeWav("interrupt.wav", scriptedVoice([[1, false], [2, true]]));

  test("stops the interviewer within 200 ms of speaking, then tells the server", async ({ baseURL }) => withFakeMic(wav, baseURL, async (page) => {
    await recordPlayback(page);
    const gateway = await installMockGateway(page, { stt: true });
    await openRoom(page);
    // the greeting's two short clips have played: nothing of the interviewer is active
    await expect.poll(() => page.evaluate(() => (window as unknown as { __playback: { what: string }[] }).__playback.length)).toBeGreaterThanOrEqual(2);
    await page.getByTestId("talk-button").click();
    await expect(page.getByRole("button", { name: "Stop talking" })).toBeVisible();
    await page.waitForTimeout(500);
    expect((await marks(page)).onset, "no barge-in without the interviewer speaking").toEqual([]);
    gateway.emit("voice_audio", { turn_id: "long-turn", index: 0, format: "wav", audio_b64: LONG_REPLY_B64, text: "A long answer." });

    await expect.poll(() => gateway.received.filter((event) => event.type === "barge_in").length, { timeout: 15_000 }).toBe(1);
    const delays = await bargeInDelays(page);
    console.log(`barge-in: page clock ${delays.map((d) => d.wall_ms.toFixed(0)).join(", ")} ms; microphone clock ${delays.map((d) => d.audio_ms).join(", ")} ms`);
    expect(delays.length).toBeGreaterThan(0);
    const playback = await page.evaluate(() => (window as unknown as { __playback: { what: string; at: number }[] }).__playback);
    expect(playback.some((entry) => entry.what === "pause"), "the playing clip was paused").toBe(true);
    expect(Math.max(...delays.map((d) => d.audio_ms))).toBeLessThanOrEqual(200);
    expect(median(delays.map((d) => d.wall_ms))).toBeLessThanOrEqual(200);
  }));

  test("holds a reply that was still loading when the candidate spoke, then takes the turn from it", async ({ baseURL }) => withFakeMic(wav, baseURL, async (page) => {
    await recordPlayback(page);
    const gateway = await installMockGateway(page, { stt: true });
    // The reply's audio loads slowly (a busy machine, a slow link): the candidate's voice reaches
    // the barge-in rule while its play() is still pending, so the pause lands before playback begins.
    await page.route("**/api/audio/slow-reply.wav", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await route.fulfill({ status: 200, contentType: "audio/wav", body: Buffer.from(LONG_REPLY_B64, "base64") });
    });
    await openRoom(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __playback: { what: string }[] }).__playback.length)).toBeGreaterThanOrEqual(2);
    await page.getByTestId("talk-button").click();
    await expect(page.getByRole("button", { name: "Stop talking" })).toBeVisible();
    gateway.emit("voice_audio", { turn_id: "slow-turn", index: 0, format: "wav", audio_b64: "", url: "/api/audio/slow-reply.wav", text: "A long answer." });

    // The reply was held under the candidate's voice, not dropped, so their speech still takes the turn
    await expect.poll(() => gateway.received.filter((event) => event.type === "barge_in").length, { timeout: 15_000 }).toBe(1);
    expect((await marks(page)).stopped.length).toBeGreaterThan(0);
  }));
});

test.describe("a candidate who says 'mm-hm'", () => {
  // 0.35 s of voice every 4 s: a backchannel, not an interruption
  const wav = writeWav("backchannel.wav", scriptedVoice([[1.5, false], [0.35, true], [2.15, false]]));

  test("pauses the interviewer for a moment and lets it go on, without taking the turn", async ({ baseURL }) => withFakeMic(wav, baseURL, async (page) => {
    await recordPlayback(page);
    const gateway = await installMockGateway(page, { stt: true });
    await openRoom(page);
    await page.getByTestId("talk-button").click();
    await expect(page.getByRole("button", { name: "Stop talking" })).toBeVisible();
    gateway.emit("voice_audio", { turn_id: "long-turn", index: 0, format: "wav", audio_b64: LONG_REPLY_B64, text: "A long answer." });

    await expect.poll(async () => (await marks(page)).stopped.length, { timeout: 15_000 }).toBeGreaterThan(0);
    // after the backchannel the same clip plays on
    await expect
      .poll(async () => {
        const log = await page.evaluate(() => (window as unknown as { __playback: { what: string; at: number }[] }).__playback);
        const pausedAt = log.find((entry) => entry.what === "pause")?.at;
        return pausedAt !== undefined && log.some((entry) => entry.what === "play" && entry.at > pausedAt);
      }, { timeout: 10_000 })
      .toBe(true);
    expect(gateway.received.filter((event) => event.type === "barge_in")).toEqual([]);
  }));
});
