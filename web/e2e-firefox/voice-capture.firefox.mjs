/**
 * The voice capture path in Firefox (Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi;
 * Playwright's own Firefox build cannot be downloaded here). The page runs the room's real capture code
 * (lib/mic-capture.ts, lib/mic-pipeline.ts, lib/pcm.ts, transpiled as they are) on Firefox's fake
 * microphone (a steady tone, `media.navigator.streams.fake`) and streams `audio_chunk` frames over a
 * WebSocket to this script, which plays the gateway: it checks the frames are 200 ms of 16 kHz mono int16
 * (the tone keeps its pitch after the page's own resampling from the device's rate: a wrong rate would
 * shift it) and answers with a partial and then a final transcript, which the page shows.
 *
 *   node e2e-firefox/voice-capture.firefox.mjs      (FIREFOX_PATH, default /usr/bin/firefox-esr)
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import ts from "typescript";
import { WebSocketServer } from "ws";

const WEB = join(dirname(fileURLToPath(import.meta.url)), "..");
const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const MODULES = ["mic-capture", "mic-pipeline", "pcm", "voice-activity"];
const CHUNK_BYTES = 6_400; // 200 ms of 16 kHz int16
const CHUNKS_BEFORE_FINAL = 10;

/** The room's capture modules as the browser runs them: TypeScript stripped, imports made explicit. */
function transpiled(name) {
  const source = readFileSync(join(WEB, "lib", `${name}.ts`), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
  return outputText.replace(/from "\.\/([\w-]+)"/g, 'from "./$1.js"');
}

const PAGE = `<!doctype html><html lang="en"><title>capture</title><body>
<button id="talk">Talk</button><p id="rate"></p><p id="partial"></p><p id="final"></p><p id="error"></p>
<script type="module">
import { startMicCapture } from "./lib/mic-capture.js";
import { MicPipeline } from "./lib/mic-pipeline.js";
import { pcm16Base64 } from "./lib/pcm.js";
const socket = new WebSocket("ws://" + location.host + "/socket");
socket.onmessage = (message) => {
  const event = JSON.parse(message.data);
  document.getElementById(event.type === "transcript_final" ? "final" : "partial").textContent = event.payload.text;
};
await new Promise((opened) => (socket.onopen = opened));
// As in the room, the microphone starts from a click: without a user gesture Firefox keeps the
// AudioContext suspended (autoplay policy).
const clicked = new Promise((click) => document.getElementById("talk").addEventListener("click", click, { once: true }));
document.body.dataset.ready = "yes";
await clicked;
let seq = 0;
let pipeline = null;
try {
  const capture = await startMicCapture((block) => {
    const output = pipeline?.process(block);
    for (const samples of output?.chunks ?? []) {
      socket.send(JSON.stringify({ type: "audio_chunk", payload: { utterance_id: "u1", seq: seq++, pcm16: pcm16Base64(samples), coding: false } }));
    }
  });
  pipeline = new MicPipeline(capture.sampleRate);
  document.getElementById("rate").textContent = String(capture.sampleRate);
} catch (failure) {
  document.getElementById("error").textContent = String(failure);
}
</script></body></html>`;

/** The tone's frequency from its rising zero crossings (the fake microphone plays a steady sine). */
function toneHz(samples, rate) {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1] < 0 && samples[i] >= 0) crossings++;
  return (crossings * rate) / samples.length;
}

async function main() {
  assert.ok(existsSync(FIREFOX), `no Firefox at ${FIREFOX}: install firefox-esr (scripts/install-system-packages.sh)`);
  const modules = Object.fromEntries(MODULES.map((name) => [`/lib/${name}.js`, transpiled(name)]));
  const server = createServer((request, response) => {
    const body = request.url === "/" ? PAGE : modules[request.url];
    response.writeHead(body ? 200 : 404, { "Content-Type": request.url === "/" ? "text/html" : "text/javascript" });
    response.end(body ?? "");
  });
  const chunks = [];
  const sockets = new WebSocketServer({ server, path: "/socket" });
  sockets.on("connection", (socket) => {
    socket.on("message", (data) => {
      const event = JSON.parse(String(data));
      if (event.type !== "audio_chunk") return;
      chunks.push(event.payload);
      if (chunks.length === 3) socket.send(JSON.stringify({ type: "transcript_partial", payload: { utterance_id: "u1", text: "What is the" } }));
      if (chunks.length === CHUNKS_BEFORE_FINAL) {
        socket.send(JSON.stringify({ type: "transcript_final", payload: { utterance_id: "u1", text: "What is the time limit?" } }));
      }
    });
  });
  await new Promise((listening) => server.listen(0, "127.0.0.1", listening));
  const url = `http://127.0.0.1:${server.address().port}/`;

  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      "media.navigator.streams.fake": true, // a fake microphone playing a tone
      "media.navigator.permission.disabled": true, // no permission prompt
      "media.navigator.audio.fake_frequency": 1_000,
      // No sound device in a container: without cubeb's mock context the AudioContext never leaves "suspended".
      "media.cubeb.force_mock_context": true,
    },
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === "yes");
    await page.click("#talk");
    const shownNow = () => page.evaluate(() => ({
      rate: document.getElementById("rate").textContent,
      partial: document.getElementById("partial").textContent,
      final: document.getElementById("final").textContent,
      error: document.getElementById("error").textContent,
    }));
    await page
      .waitForFunction(() => document.getElementById("final").textContent || document.getElementById("error").textContent, { timeout: 60_000 })
      .catch(async (failure) => {
        throw new Error(`${failure.message}; the page shows ${JSON.stringify(await shownNow())} after ${chunks.length} chunks`);
      });
    const shown = await shownNow();
    assert.equal(shown.error, "", `the capture failed in Firefox: ${shown.error}`);
    assert.equal(shown.partial, "What is the");
    assert.equal(shown.final, "What is the time limit?");

    assert.ok(chunks.length >= CHUNKS_BEFORE_FINAL);
    assert.deepEqual(chunks.map((chunk) => chunk.seq), chunks.map((_, index) => index));
    const pcm = chunks.map((chunk) => Buffer.from(chunk.pcm16, "base64"));
    for (const bytes of pcm) assert.equal(bytes.length, CHUNK_BYTES);
    // Past the first chunk (the microphone's start): the tone at its own pitch, so 16 kHz it is.
    const all = Buffer.concat(pcm.slice(1));
    const samples = new Int16Array(all.buffer, all.byteOffset, all.length / 2);
    const loudest = samples.reduce((peak, sample) => Math.max(peak, Math.abs(sample)), 0);
    assert.ok(loudest > 1_000, `the fake microphone's tone did not reach the chunks (peak ${loudest})`);
    const hz = toneHz(samples, 16_000);
    assert.ok(Math.abs(hz - 1_000) < 50, `the tone reads as ${hz.toFixed(0)} Hz at 16 kHz; Firefox's fake microphone plays 1 kHz`);
    console.log(`firefox voice capture: device rate ${shown.rate} Hz -> ${chunks.length} chunks of 16 kHz int16, tone ${hz.toFixed(0)} Hz, peak ${loudest}; partial and final transcripts shown`);
  } finally {
    await browser.close();
    sockets.close();
    server.close();
  }
}

main().catch((failure) => {
  console.error(failure);
  process.exit(1);
});
