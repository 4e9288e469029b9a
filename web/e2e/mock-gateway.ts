/**
 * A scripted stand-in for the gateway, inside Playwright: HTTP routes for the session API and a
 * WebSocket that answers client events the way the real services do (same event shapes, a
 * per-session `seq`, replay after `last_seq`). Lets the browser tests run without any service.
 */
import type { Page, WebSocketRoute } from "@playwright/test";
import type { ClientEvent, FeedbackResult, SandboxResult, ServerEvent } from "../lib/types";

export const SESSION_ID = "mock-session-1";
export const TOKEN = "mock-token";

export const STARTER_CODE = `def contains_duplicate(nums: list[int]) -> bool:
    # your code here
    pass
`;

export const CORRECT_SOLUTION = `def contains_duplicate(nums: list[int]) -> bool:
    seen = set()
    for n in nums:
        if n in seen:
            return True
        seen.add(n)
    return False
`;

export const FEEDBACK: FeedbackResult = {
  summary: "Clear approach with a hash set; you explained the trade-off before coding.",
  complexity: "O(n) time, O(n) space",
  edge_cases: ["Empty array", "All elements equal"],
  improvements: ["State the complexity before you start coding."],
  scores: [
    { dimension: "problem_solving", score: 4, justification: "Found the optimal approach quickly." },
    { dimension: "communication", score: 3, justification: "Explained the idea; could narrate more while coding." },
    { dimension: "code_quality", score: 3, justification: "Readable, idiomatic Python." },
  ],
  hire_signal: "yes",
  practice_next: ["Sliding window problems"],
};

/** 20 ms of silent 8 kHz mono WAV: a real, decodable clip for the voice player. */
export function silentWav(marker: number): string {
  const samples = 160;
  const buffer = Buffer.alloc(44 + samples);
  buffer.write("RIFF", 0);
  buffer.writeUInt32LE(36 + samples, 4);
  buffer.write("WAVEfmt ", 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(8000, 24);
  buffer.writeUInt32LE(8000, 28);
  buffer.writeUInt16LE(1, 32);
  buffer.writeUInt16LE(8, 34);
  buffer.write("data", 36);
  buffer.writeUInt32LE(samples, 40);
  buffer.fill(128, 44);
  buffer[44] = marker; // makes each chunk's bytes distinguishable
  return buffer.toString("base64");
}

function sandboxResult(accepted: boolean, hidden: boolean): SandboxResult {
  const ids = hidden ? ["h1", "h2", "h3", "h4"] : ["s1", "s2"];
  const tests = ids.map((id, index) => {
    const pass = accepted || index !== 1;
    return {
      test_id: id,
      verdict: pass ? ("accepted" as const) : ("wrong_answer" as const),
      time_ms: 12 + index * 3,
      memory_kb: 9_800 + index * 120,
      actual: hidden ? null : pass ? [true, false][index] : null,
      stdout: "",
      stderr: "",
      error: null,
      hidden,
      category: null,
    };
  });
  const passed = tests.filter((test) => test.verdict === "accepted").length;
  return {
    verdict: accepted ? "accepted" : "wrong_answer",
    tests,
    passed,
    total: tests.length,
    compile_output: "",
    time_ms: 40,
    message: accepted ? "" : `${tests.length - passed} test failed`,
  };
}

export interface MockGateway {
  /** Every client event the browser sent, in order. */
  received: ClientEvent[];
  /** The URL of every WebSocket connection attempt. */
  connections: string[];
  /** Drop the current connection as a network failure would. */
  dropConnection(): Promise<void>;
  /** Add a server event to the log and push it to the live connection. */
  emit(type: ServerEvent["type"], payload: unknown): void;
}

export async function installMockGateway(page: Page, options: { reportStatus?: number } = {}): Promise<MockGateway> {
  const log: ServerEvent[] = [];
  const received: ClientEvent[] = [];
  const connections: string[] = [];
  let live: WebSocketRoute | null = null;
  let turn = 0;

  const stamp = (type: ServerEvent["type"], payload: unknown, seq: number | null): ServerEvent =>
    ({ type, payload, seq, session_id: SESSION_ID, message_id: `srv-${log.length}-${type}`, timestamp: new Date().toISOString() }) as ServerEvent;

  const emit = (type: ServerEvent["type"], payload: unknown) => {
    const event = stamp(type, payload, log.length + 1);
    log.push(event);
    live?.send(JSON.stringify(event));
  };
  const reply = (type: ServerEvent["type"], payload: unknown) => live?.send(JSON.stringify(stamp(type, payload, null)));

  const say = (text: string, withVoice = false) => {
    const turnId = `turn-${++turn}`;
    emit("agent_thinking", { turn_id: turnId, status: "thinking", tool: null });
    const words = text.split(/(?<= )/);
    for (const word of words) emit("interviewer_msg", { turn_id: turnId, kind: "delta", text: word });
    emit("interviewer_msg", { turn_id: turnId, kind: "complete", text });
    if (withVoice) {
      // deliberately out of order: the client must still play index 0 first
      emit("voice_audio", { turn_id: turnId, index: 1, format: "wav", audio_b64: silentWav(2), text: "second" });
      emit("voice_audio", { turn_id: turnId, index: 0, format: "wav", audio_b64: silentWav(1), text: "first" });
    }
    emit("agent_thinking", { turn_id: turnId, status: "done", tool: null });
  };

  const handle = (event: ClientEvent) => {
    received.push(event);
    switch (event.type) {
      case "heartbeat":
        reply("heartbeat_ack", {});
        return;
      case "start_interview":
        say("Hi, I'm your interviewer today. Let's start with a warm-up problem.", true);
        emit("problem_presented", {
          question_id: "contains_duplicate",
          title: "Contains Duplicate",
          difficulty: "easy",
          statement_md:
            "Given an integer array `nums`, return `true` if any value appears **at least twice**.\n\n### Constraints\n\n- `0 <= len(nums) <= 10^5`\n- `-10^9 <= nums[i] <= 10^9`",
          starter_code: STARTER_CODE,
          language: "python",
          sample_tests: [
            { id: "s1", input: { nums: [1, 2, 3, 1] }, expected: true },
            { id: "s2", input: { nums: [1, 2, 3, 4] }, expected: false },
          ],
        });
        emit("agent_phase_change", { from_phase: "greeting", to_phase: "clarifying" });
        return;
      case "send_message":
      case "send_voice":
        emit("agent_phase_change", { from_phase: "clarifying", to_phase: "observing" });
        say("Sounds good. Go ahead and code it up, and talk me through it.");
        return;
      case "run_code": {
        const accepted = event.payload.code.includes("seen");
        const submit = event.payload.mode === "submit";
        if (submit) {
          emit("agent_thinking", { turn_id: `turn-${turn + 1}`, status: "running", tool: "run_code" });
        }
        emit("code_result", {
          submission_id: `sub-${received.length}`,
          mode: event.payload.mode,
          language: event.payload.language,
          result: sandboxResult(accepted, submit),
        });
        if (submit) {
          emit("agent_phase_change", { from_phase: "observing", to_phase: "reviewing" });
          say("All hidden tests pass. What's the complexity of your solution?");
        }
        return;
      }
      case "request_feedback":
        emit("feedback_result", { request_id: event.message_id, feedback: FEEDBACK });
        return;
      case "set_voice":
        reply("error", { code: "unknown_event_type", message: "unknown event type 'set_voice'", ref_message_id: event.message_id });
        return;
      default:
        return;
    }
  };

  await page.routeWebSocket(/\/ws\//, (socket) => {
    connections.push(socket.url());
    live = socket;
    const url = new URL(socket.url());
    const lastSeq = Number(url.searchParams.get("last_seq") ?? 0);
    reply("session_ready", { session_id: SESSION_ID, difficulty: "easy", language: "python", phase: "greeting", resumed_after_seq: lastSeq || null });
    for (const event of log.filter((logged) => logged.seq! > lastSeq)) socket.send(JSON.stringify(event));
    socket.onMessage((message) => {
      if (live === socket) handle(JSON.parse(String(message)) as ClientEvent);
    });
    socket.onClose(() => {
      if (live === socket) live = null;
    });
  });

  await page.route("**/api/sessions", async (route) => {
    await route.fulfill({ status: 201, json: { session_id: SESSION_ID, token: TOKEN } });
  });
  await page.route(`**/api/sessions/${SESSION_ID}`, async (route) => {
    const authorised = route.request().headers()["authorization"] === `Bearer ${TOKEN}`;
    if (!authorised) return route.fulfill({ status: 401, json: { error: "bad_token", message: "token required" } });
    await route.fulfill({
      json: {
        session_id: SESSION_ID,
        difficulty: "easy",
        language: "python",
        topic: null,
        status: "active",
        phase: "greeting",
        question_id: null,
        hint_level: 0,
        last_seq: log.length,
        created_at: new Date(Date.now() - 60_000).toISOString(),
      },
    });
  });
  await page.route(`**/api/sessions/${SESSION_ID}/report`, async (route) => {
    if (options.reportStatus && options.reportStatus !== 200) {
      return route.fulfill({ status: options.reportStatus, json: { error: "not_found", message: "no report yet" } });
    }
    await route.fulfill({
      json: {
        session_id: SESSION_ID,
        session: { status: "finished", created_at: new Date().toISOString() },
        question: { question_id: "contains_duplicate", title: "Contains Duplicate", difficulty: "easy" },
        feedback: FEEDBACK,
        submissions: [
          { submission_id: "a", mode: "run", verdict: "wrong_answer", passed: 1, total: 2 },
          { submission_id: "b", mode: "submit", verdict: "accepted", passed: 4, total: 4 },
        ],
      },
    });
  });

  return {
    received,
    connections,
    emit,
    async dropConnection() {
      const socket = live;
      live = null;
      await socket?.close({ code: 1011, reason: "server going away" }).catch(() => undefined);
    },
  };
}
