/**
 * A scripted stand-in for the gateway, inside Playwright: HTTP routes for the session API and a
 * WebSocket that answers client events the way the real services do (same event shapes, a
 * per-session `seq`, replay after `last_seq`). Lets the browser tests run without any service.
 */
import type { Page, Route, WebSocketRoute } from "@playwright/test";
import type { CandidateProgress, ProblemSummary, TimelineEvent } from "../lib/timeline";
import type {
  ClientEvent,
  CodeVersion,
  CreateSessionRequest,
  CreateSessionResponse,
  FeedbackResult,
  HttpError,
  InterviewReport,
  SandboxResult,
  ServerEvent,
  SessionView,
} from "../lib/types";
import { MAX_TEXT_CHARS } from "../lib/types";

export const SESSION_ID = "mock-session-1";
export const TOKEN = "mock-token";

export const SHARE_TOKEN = "mock-share-token";

/** The catalogue `GET /api/problems` answers with (public fields only, as the gateway's). */
export const PROBLEMS: ProblemSummary[] = [
  { id: "contains_duplicate", title: "Contains Duplicate", difficulty: "easy", topics: ["arrays_hashing"], statement: "Return true if any value appears at least twice." },
  { id: "climbing_stairs", title: "Climbing Stairs", difficulty: "easy", topics: ["dp_1d"], statement: "Count the ways to climb n stairs taking 1 or 2 steps." },
  { id: "house_robber", title: "House Robber", difficulty: "medium", topics: ["dp_1d"], statement: "The most money from houses that are not next to each other." },
  { id: "valid_parentheses", title: "Valid Parentheses", difficulty: "easy", topics: ["stack", "strings"], statement: "Whether every bracket is closed in order." },
  { id: "merge_intervals", title: "Merge Intervals", difficulty: "medium", topics: ["intervals", "sorting"], statement: "Merge all overlapping intervals." },
];

/** Three finished interviews: arrays going well, dynamic programming not (the weakest topic). */
export function threeInterviews(now = Date.now()): CandidateProgress {
  const day = 24 * 3600 * 1000;
  const at = (days: number) => new Date(now - days * day).toISOString();
  return {
    interviews: [
      { session_id: "past-1", question_id: "contains_duplicate", title: "Contains Duplicate", topics: ["arrays_hashing"], started_at: at(6), ended_at: at(6), scores: { problem_solving: 3, communication: 2, code_quality: 3 }, hints_used: 1, time_to_first_accept_s: 610, failed_categories: ["empty"], solved: true },
      { session_id: "past-2", question_id: "climbing_stairs", title: "Climbing Stairs", topics: ["dp_1d"], started_at: at(4), ended_at: at(4), scores: { problem_solving: 1, communication: 3, code_quality: 2 }, hints_used: 3, time_to_first_accept_s: null, failed_categories: ["large", "empty"], solved: false },
      { session_id: "past-3", question_id: "valid_parentheses", title: "Valid Parentheses", topics: ["stack", "strings"], started_at: at(1), ended_at: at(1), scores: { problem_solving: 4, communication: 3, code_quality: 4 }, hints_used: 0, time_to_first_accept_s: 245, failed_categories: [], solved: true },
    ],
    weakest_topic: "dp_1d",
    recommended_question_id: "house_robber",
    rule: "Weakest topic: the lowest mean score over its last 3 interviews (ties: fewest solved, then practised longest ago). Problem: from that topic, not solved in the last 14 days, never-tried first, then tried longest ago.",
  };
}

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
    { dimension: "problem_solving", score: 4, justification: "Found the optimal approach quickly.", evidence: [] },
    { dimension: "communication", score: 3, justification: "Explained the idea; could narrate more while coding.", evidence: [] },
    { dimension: "code_quality", score: 3, justification: "Readable, idiomatic Python.", evidence: [] },
  ],
  hire_signal: "yes",
  hire_signal_caps: [],
  hints_used: 0,
  measured_complexity: null,
  model: "offline",
  practice_next: ["Sliding window problems"],
  kind: "on_demand",
  edge_case_categories: [
    { category: "empty", passed: 1, total: 1 },
    { category: "all_equal", passed: 2, total: 2 },
  ],
  speaking: null,
  suggestions: [
    { line: 2, kind: "naming", text: "Call the set seen_values so its purpose reads at a glance." },
    { line: null, kind: "performance", text: "Return as soon as a duplicate is found; you already do." },
  ],
};

/** The final scorecard for an interview that ended without a solution. */
export const UNSOLVED_FEEDBACK: FeedbackResult = {
  summary: "The interview ended before a working solution; you clarified the problem well.",
  complexity: "Not measured: no accepted solution.",
  edge_cases: [],
  improvements: ["Start with a brute-force version you can run, then improve it."],
  scores: [
    { dimension: "problem_solving", score: 1, justification: "No approach was completed.", evidence: [] },
    { dimension: "communication", score: 2, justification: "Asked one good clarifying question.", evidence: [] },
  ],
  hire_signal: "no",
  hire_signal_caps: [],
  hints_used: 0,
  measured_complexity: null,
  model: "offline",
  practice_next: ["Hash set basics"],
  kind: "final",
  edge_case_categories: [{ category: "empty", passed: 0, total: 1 }],
  speaking: null,
  suggestions: [{ line: 3, kind: "correctness", text: "The function returns None; it must return a bool." }],
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
  const ids = hidden ? ["h1", "h2", "h3", "h4"] : ["sample_1", "sample_2"]; // the judge's real sample ids
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
      skipped: false,
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
    time_limit_s: 2,
  };
}

/** What the judge answers for a program that never ends: stopped at the limit, nothing measured. */
function timedOut(): SandboxResult {
  const tests = ["sample_1", "sample_2"].map((id) => ({
    test_id: id,
    verdict: "time_limit_exceeded" as const,
    time_ms: 0,
    memory_kb: 0,
    actual: null,
    stdout: "",
    stderr: "",
    error: null,
    hidden: false,
    category: null,
    skipped: false,
  }));
  return { verdict: "time_limit_exceeded", tests, passed: 0, total: 2, compile_output: "", time_ms: 2_100, message: "", time_limit_s: 2 };
}

export interface MockGateway {
  /** Every client event the browser sent, in order. */
  received: ClientEvent[];
  /** The URL of every WebSocket connection attempt. */
  connections: string[];
  /** The `last_seq` each authenticated connection resumed from (sent in its first frame). */
  resumes: number[];
  /** Drop the current connection as a network failure would. */
  dropConnection(): Promise<void>;
  /** Add a server event to the log and push it to the live connection. */
  emit(type: ServerEvent["type"], payload: unknown): void;
  /** Makes a report that is being prepared ready now. */
  finishReport(): void;
  /** Stop answering anything (heartbeats included) without closing: the network went away. */
  goSilent(): void;
  /** The body of every `POST /api/sessions`. */
  created: CreateSessionRequest[];
  /** The server's record so far (what `/timeline` answers). */
  record: TimelineEvent[];
  /** The candidate keys `GET /api/candidates/progress` was asked with. */
  progressKeys: string[];
  /** From now on the share link answers 410, as an expired one does. */
  expireShares(): void;
}

export interface MockGatewayOptions {
  /** Answer the report routes with this status instead (e.g. 404 for an unknown session). */
  reportStatus?: number;
  /**
   * After `end_interview`, how long the report stays "preparing" (202) before it is ready; null keeps
   * it preparing until the test calls `finishReport()`.
   */
  reportDelayMs?: number | null;
  /** What `GET /api/candidates/progress` answers (default: no interviews yet). */
  progress?: CandidateProgress;
  /** A finished interview's record to start from (the replay tests); the socket is not used then. */
  record?: TimelineEvent[];
  /** When the session was created (ISO); default a minute before the page loads. */
  createdAt?: string;
  /** The gateway reports a speech-to-text worker, so the room uses the server's recognition. */
  stt?: boolean;
}

/** What the mocked recognition "hears" in any audio, word by word as partials, then whole. */
export const HEARD = "What is the largest input I should expect?";

export async function installMockGateway(page: Page, options: MockGatewayOptions = {}): Promise<MockGateway> {
  const log: ServerEvent[] = [];
  const received: ClientEvent[] = [];
  const connections: string[] = [];
  const resumes: number[] = [];
  const history: CodeVersion[] = [];
  let live: WebSocketRoute | null = null;
  let turn = 0;
  let hintsUsed = 0;
  let silent = false;
  let endedAt: number | null = null;
  let reportReleased = false;
  const created: CreateSessionRequest[] = [];
  const record: TimelineEvent[] = [...(options.record ?? [])];
  const progressKeys: string[] = [];
  let sharesExpired = false;
  let chosenProblem: ProblemSummary = PROBLEMS[0];
  const createdAt = options.createdAt ?? new Date(Date.now() - 60_000).toISOString();
  /** Keeps what the real server's record keeps: no streaming pieces, no "thinking", audio by URL only. */
  const keep = (type: string, payload: Record<string, unknown>) => {
    if (type === "agent_thinking" || type === "session_ready" || type === "heartbeat_ack" || type === "error") return;
    if (type === "interviewer_msg" && payload.kind === "delta") return;
    const kept = type === "voice_audio" ? { url: `/api/audio/mock-${record.length}.wav`, sentence_index: payload.index, text: payload.text } : payload;
    record.push({ seq: log.length, at: new Date().toISOString(), type, payload: kept });
  };
  const reportDelayMs = options.reportDelayMs === undefined ? 1_500 : options.reportDelayMs;
  /** Audio chunks per utterance, for partial transcripts that grow as audio comes in. */
  const heard = new Map<string, number>();
  const finals: { at: number; text: string }[] = [];
  const reportReady = () => endedAt !== null && (reportReleased || (reportDelayMs !== null && Date.now() - endedAt >= reportDelayMs));

  const stamp = (type: ServerEvent["type"], payload: unknown, seq: number | null): ServerEvent =>
    ({ type, payload, seq, session_id: SESSION_ID, message_id: `srv-${log.length}-${type}`, timestamp: new Date().toISOString() }) as ServerEvent;

  const emit = (type: ServerEvent["type"], payload: unknown) => {
    const event = stamp(type, payload, log.length + 1);
    log.push(event);
    keep(type, payload as Record<string, unknown>);
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
      emit("voice_audio", { turn_id: turnId, index: 1, format: "wav", audio_b64: silentWav(2), url: "/api/audio/second", text: "second" });
      emit("voice_audio", { turn_id: turnId, index: 0, format: "wav", audio_b64: silentWav(1), url: "/api/audio/first", text: "first" });
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
          question_id: chosenProblem.id,
          title: chosenProblem.title,
          difficulty: chosenProblem.difficulty,
          statement_md:
            "Given an integer array `nums`, return `true` if any value appears **at least twice**.\n\n**Example 1**\n\n```\nnums = [1, 2, 3, 1]\n→ true\n```\n\n**Example 2**\n\n```\nnums = [1, 2, 3, 4]\n→ false\n```\n\n### Constraints\n\n- `0 <= len(nums) <= 10^5`\n- `-10^9 <= nums[i] <= 10^9`",
          starter_code: STARTER_CODE,
          language: "python",
          sample_tests: [
            { id: "sample_1", input: { nums: [1, 2, 3, 1] }, expected: true },
            { id: "sample_2", input: { nums: [1, 2, 3, 4] }, expected: false },
          ],
        });
        emit("agent_phase_change", { from_phase: "greeting", to_phase: "clarifying" });
        return;
      case "send_message":
      case "send_voice":
        if ((event.type === "send_message" ? event.payload.text : event.payload.transcript).length > MAX_TEXT_CHARS) {
          // what the real gateway answers (websocket.py: pydantic's message, connection-local)
          reply("error", {
            code: "invalid_event",
            message: `invalid ${event.type}: ${event.type}.payload.text: String should have at most ${MAX_TEXT_CHARS} characters`,
            ref_message_id: event.message_id,
          });
          return;
        }
        // Like the gateway: the candidate's words are logged and sent to every socket of the session.
        emit("candidate_message", {
          text: event.type === "send_message" ? event.payload.text : event.payload.transcript,
          spoken: event.type === "send_voice",
          ref_message_id: event.message_id,
        });
        emit("agent_phase_change", { from_phase: "clarifying", to_phase: "observing" });
        say("Sounds good. Go ahead and code it up, and talk me through it.");
        return;
      case "code_snapshot":
        keep("code_snapshot", { code: event.payload.code, language: event.payload.language });
        return;
      case "run_code": {
        keep("code_snapshot", { code: event.payload.code, language: event.payload.language });
        const accepted = event.payload.code.includes("seen");
        const submit = event.payload.mode === "submit";
        const result = event.payload.code.includes("while True") ? timedOut() : sandboxResult(accepted, submit);
        history.push({
          submission_id: `sub-${received.length}`,
          at: new Date().toISOString(),
          language: event.payload.language,
          mode: event.payload.mode ?? "run",
          code: event.payload.code,
          verdict: result.verdict,
          passed: result.passed,
          total: result.total,
        });
        if (submit) {
          emit("agent_thinking", { turn_id: `turn-${turn + 1}`, status: "running", tool: "run_code" });
        }
        emit("code_result", {
          submission_id: `sub-${received.length}`,
          mode: event.payload.mode ?? "run",
          language: event.payload.language,
          result,
        });
        if (submit) {
          emit("agent_phase_change", { from_phase: "observing", to_phase: "reviewing" });
          say("All hidden tests pass. What's the complexity of your solution?");
        } else if (result.verdict === "wrong_answer") {
          say("Your first failure is sample_2; check what you return there.");
        }
        return;
      }
      case "request_feedback":
        emit("feedback_result", { request_id: event.message_id, feedback: FEEDBACK });
        return;
      case "request_hint": {
        if (hintsUsed >= 3) {
          say("You've had all three hints; take your best shot.");
          return;
        }
        hintsUsed += 1;
        emit("hint_given", { level: hintsUsed, hints_used: hintsUsed, max_level: 3 });
        say(`Hint ${hintsUsed}: think about what you have already seen.`);
        return;
      }
      case "end_interview":
        endedAt ??= Date.now();
        emit("agent_phase_change", { from_phase: "observing", to_phase: "wrapping_up" });
        say("Thanks, that's time. Your report is on its way.");
        return;
      case "audio_chunk": {
        const chunks = (heard.get(event.payload.utterance_id) ?? 0) + 1;
        heard.set(event.payload.utterance_id, chunks);
        if (chunks % 2 === 0) {
          const words = HEARD.split(" ");
          emit("transcript_partial", { utterance_id: event.payload.utterance_id, text: words.slice(0, Math.min(words.length - 1, chunks / 2)).join(" ") });
        }
        return;
      }
      case "audio_end": {
        const chunks = heard.get(event.payload.utterance_id) ?? 0;
        heard.delete(event.payload.utterance_id);
        finals.push({ at: Date.now(), text: HEARD });
        emit("transcript_final", {
          utterance_id: event.payload.utterance_id,
          text: HEARD,
          started_at: new Date(Date.now() - chunks * 200).toISOString(),
          duration_ms: chunks * 200,
          words: [],
        });
        emit("agent_phase_change", { from_phase: "clarifying", to_phase: "observing" });
        say("Up to ten to the fifth elements, so aim for linear time.");
        return;
      }
      case "set_voice":
        reply("error", { code: "unknown_event_type", message: "unknown event type 'set_voice'", ref_message_id: event.message_id });
        return;
      default:
        return;
    }
  };

  await page.routeWebSocket(/\/ws\//, (socket) => {
    connections.push(socket.url());
    let authenticated = false;
    // Like the gateway: the first frame must authenticate; the token is never in the URL.
    socket.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { type: string; payload: { token?: string; last_seq?: number } };
      if (!authenticated) {
        if (frame.type !== "authenticate" || frame.payload.token !== TOKEN || new URL(socket.url()).search) {
          socket.close({ code: 4401, reason: "authentication_required" });
          return;
        }
        authenticated = true;
        live = socket;
        const lastSeq = Number(frame.payload.last_seq ?? 0);
        resumes.push(lastSeq);
        reply("session_ready", { session_id: SESSION_ID, difficulty: "easy", language: "python", phase: "greeting", resumed_after_seq: lastSeq || null });
        for (const event of log.filter((logged) => logged.seq! > lastSeq)) socket.send(JSON.stringify(event));
        return;
      }
      if (live === socket && !silent) handle(frame as unknown as ClientEvent);
    });
    socket.onClose(() => {
      if (live === socket) live = null;
    });
  });

  await page.route("**/api/health", async (route) => {
    const workers = { "interviewer-agent": 1, "feedback-agent": 1, tts: 1, "sandbox-worker": 1, ...(options.stt ? { stt: 1 } : {}) };
    await route.fulfill({
      json: {
        status: options.stt ? "ok" : "degraded",
        rabbitmq: "ok",
        database: "ok",
        sandbox: "ok",
        llm: "offline-default",
        workers: Object.fromEntries(Object.entries(workers).map(([kind, alive]) => [kind, { alive, status: "ok" }])),
        replica_id: "mock",
      },
    });
  });
  await page.route("**/api/sessions", async (route) => {
    const body = (route.request().postDataJSON() ?? {}) as CreateSessionRequest;
    created.push(body);
    const wanted = body.question_id ?? (body.practise_weak_spots ? options.progress?.recommended_question_id : null);
    if (body.question_id && !PROBLEMS.some((problem) => problem.id === body.question_id)) {
      return route.fulfill({ status: 404, json: { error: "unknown_problem", message: `no problem '${body.question_id}'` } });
    }
    chosenProblem = PROBLEMS.find((problem) => problem.id === wanted) ?? PROBLEMS[0];
    await route.fulfill({ status: 201, json: { session_id: SESSION_ID, token: TOKEN } satisfies CreateSessionResponse });
  });
  await page.route("**/api/problems**", async (route) => {
    const query = new URL(route.request().url()).searchParams;
    const words = (query.get("q") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    const problems = PROBLEMS.filter(
      (problem) =>
        (!query.get("difficulty") || problem.difficulty === query.get("difficulty")) &&
        (!query.get("topic") || problem.topics.includes(query.get("topic") as never)) &&
        words.every((word) => `${problem.title} ${problem.id} ${problem.topics.join(" ")}`.toLowerCase().includes(word)),
    );
    await route.fulfill({ json: { problems } });
  });
  await page.route("**/api/candidates/progress", async (route) => {
    const key = route.request().headers()["x-candidate-key"] ?? "";
    if (key.length < 16) return route.fulfill({ status: 401, json: { error: "missing_candidate_key", message: "send your candidate key" } });
    progressKeys.push(key);
    await route.fulfill({ json: options.progress ?? { interviews: [], weakest_topic: null, recommended_question_id: null, rule: "" } });
  });
  const timeline = () => ({
    session: {
      session_id: SESSION_ID,
      difficulty: chosenProblem.difficulty,
      language: "python",
      topic: null,
      status: endedAt ? "ended" : "active",
      phase: null,
      question_id: chosenProblem.id,
      hint_level: hintsUsed,
      last_seq: log.length,
      created_at: createdAt,
      duration_s: 2700,
      ended_at: endedAt ? new Date(endedAt).toISOString() : (options.record?.at(-1)?.at ?? null),
    },
    events: record,
  });
  await page.route(`**/api/sessions/${SESSION_ID}/timeline`, async (route) => {
    if (route.request().headers()["authorization"] !== `Bearer ${TOKEN}`) return route.fulfill({ status: 401, json: { error: "bad_token", message: "token required" } });
    await route.fulfill({ json: timeline() });
  });
  await page.route(`**/api/sessions/${SESSION_ID}/share`, async (route) => {
    if (route.request().headers()["authorization"] !== `Bearer ${TOKEN}`) return route.fulfill({ status: 401, json: { error: "bad_token", message: "token required" } });
    await route.fulfill({ status: 201, json: { url: `/replay?share=${SHARE_TOKEN}`, token: SHARE_TOKEN, expires_at: new Date(Date.now() + 7 * 86_400_000).toISOString() } });
  });
  await page.route("**/api/replay/*/timeline", async (route) => {
    const token = decodeURIComponent(new URL(route.request().url()).pathname.split("/")[3]);
    if (token !== SHARE_TOKEN) return route.fulfill({ status: 403, json: { error: "invalid_share_link", message: "this share link is not valid" } });
    if (sharesExpired) return route.fulfill({ status: 410, json: { error: "share_expired", message: "this share link has expired" } });
    await route.fulfill({ json: timeline() });
  });
  await page.route("**/api/audio/**", async (route) => {
    await route.fulfill({ status: 200, contentType: "audio/wav", body: Buffer.from(silentWav(3), "base64") });
  });
  await page.route(`**/api/sessions/${SESSION_ID}`, async (route) => {
    if (route.request().headers()["authorization"] !== `Bearer ${TOKEN}`) return route.fulfill({ status: 401, json: { error: "bad_token", message: "token required" } satisfies HttpError });
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
        created_at: createdAt,
        duration_s: 2_700,
        ended_at: endedAt === null ? null : new Date(endedAt).toISOString(),
        end_reason: endedAt === null ? null : "finished",
      } satisfies SessionView,
    });
  });
  const buildReport = (): InterviewReport => {
    const submitted = history.filter((version) => version.mode === "submit");
    const solved = submitted.some((version) => version.verdict === "accepted");
    const finalCode = history.at(-1)?.code ?? "";
    const started = Date.now() - 20 * 60_000;
    return {
      schema_version: 1,
      report_id: "report-1",
      session_id: SESSION_ID,
      generated_at: new Date().toISOString(),
      question: { question_id: "contains_duplicate", title: "Contains Duplicate", difficulty: "easy", expected_time: "O(n)", expected_space: "O(n)" },
      language: "python",
      started_at: new Date(started).toISOString(),
      ended_at: new Date().toISOString(),
      duration_s: 1_215,
      transcript: [
        { role: "candidate", text: "Action: [The candidate has joined and is ready to start the interview.]", at: new Date(started).toISOString(), spoken: false },
        { role: "interviewer", text: "Hi, I'm your interviewer today.", at: new Date(started + 2_000).toISOString(), spoken: false },
        { role: "candidate", text: "Can the array be empty?", at: new Date(started + 60_000).toISOString(), spoken: false },
        { role: "candidate", text: "I would use a hash set", at: new Date(started + 90_000).toISOString(), spoken: true },
      ],
      code_history: history,
      final_code: finalCode,
      test_results: finalCode
        ? {
            verdict: solved ? "accepted" : "wrong_answer",
            passed: solved ? 6 : 2,
            total: 6,
            tests: [
              { test_id: "sample_1", verdict: "accepted", time_ms: 3.1, hidden: false, category: null },
              { test_id: "sample_2", verdict: solved ? "accepted" : "wrong_answer", time_ms: 2.9, hidden: false, category: null },
              { test_id: "h1", verdict: "accepted", time_ms: 3.3, hidden: true, category: "empty" },
              { test_id: "h2", verdict: solved ? "accepted" : "wrong_answer", time_ms: 3.0, hidden: true, category: "all_equal" },
              { test_id: "h3", verdict: solved ? "accepted" : "wrong_answer", time_ms: 2.7, hidden: true, category: "all_equal" },
              { test_id: "h4", verdict: solved ? "accepted" : "time_limit_exceeded", time_ms: 40.2, hidden: true, category: "large" },
            ],
          }
        : null,
      scorecard: solved ? { ...FEEDBACK, kind: "final" } : UNSOLVED_FEEDBACK,
      hints_used: hintsUsed,
      hints_available: 3,
      hints: [],
      end_reason: solved ? "solved" : "finished",
      solved,
      speaking: finals.length
        ? {
            words_per_minute: 142,
            fillers_per_minute: 1.5,
            filler_counts: { um: 2, like: 1 },
            longest_pause_s: 4.2,
            candidate_talk_share: 0.46,
            moments: [
              { at_ms: 95_000, kind: "filler", text: "“um” twice in one sentence" },
              { at_ms: 61_000, kind: "pause", text: "4.2 s of silence before answering" },
            ],
          }
        : null,
      phases: [
        { phase: "greeting", started_at: new Date(started).toISOString(), seconds: 45 },
        { phase: "clarifying", started_at: new Date(started + 45_000).toISOString(), seconds: 170 },
        { phase: "observing", started_at: new Date(started + 215_000).toISOString(), seconds: 900 },
        { phase: "wrapping_up", started_at: new Date(started + 1_115_000).toISOString(), seconds: 100 },
      ],
    };
  };

  const authorised = (route: Route) => route.request().headers()["authorization"] === `Bearer ${TOKEN}`;

  await page.route(`**/api/sessions/${SESSION_ID}/report`, async (route) => {
    if (!authorised(route)) return route.fulfill({ status: 401, json: { error: "bad_token", message: "token required" } satisfies HttpError });
    if (options.reportStatus && options.reportStatus !== 200) {
      return route.fulfill({ status: options.reportStatus, json: { error: "unknown_session", message: "no such session" } satisfies HttpError });
    }
    if (endedAt === null) return route.fulfill({ status: 409, json: { status: "in_progress" } });
    if (!reportReady()) return route.fulfill({ status: 202, json: { status: "preparing" } });
    await route.fulfill({ json: buildReport() });
  });
  await page.route(`**/api/sessions/${SESSION_ID}/report.md`, async (route) => {
    if (!authorised(route)) return route.fulfill({ status: 401, contentType: "text/plain", body: "token required" });
    if (!reportReady()) return route.fulfill({ status: 202, contentType: "text/plain", body: "preparing" });
    const report = buildReport();
    await route.fulfill({
      status: 200,
      contentType: "text/markdown; charset=utf-8",
      headers: { "Content-Disposition": `attachment; filename="mockmind-report-${SESSION_ID}.md"` },
      body: `# Interview report: ${report.question?.title}\n\n- Hints used: ${report.hints_used} of 3\n`,
    });
  });

  return {
    received,
    connections,
    resumes,
    created,
    record,
    progressKeys,
    expireShares() {
      sharesExpired = true;
    },
    emit,
    finishReport() {
      reportReleased = true;
    },
    goSilent() {
      silent = true;
    },
    async dropConnection() {
      const socket = live;
      live = null;
      await socket?.close({ code: 1011, reason: "server going away" }).catch(() => undefined);
    },
  };
}
