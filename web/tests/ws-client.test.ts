import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { InterviewSocket, MAX_CODE_CHARS, type ConnectionStatus, type SocketLike } from "@/lib/ws-client";
import type { ClientEvent, ServerEvent } from "@/lib/types";

/** A scriptable stand-in for the browser WebSocket. */
class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  sent: ClientEvent[] = [];
  /** Every frame in order, the authenticate frame included. */
  frames: { type: string; payload: Record<string, unknown> }[] = [];
  closedWith: number | null = null;

  constructor(readonly url: string) {}

  send(data: string) {
    if (this.readyState !== 1) throw new Error("send on a socket that is not open");
    const frame = JSON.parse(data);
    this.frames.push(frame);
    if (frame.type !== "authenticate") this.sent.push(frame);
  }
  close(code = 1000) {
    this.closedWith = code;
    this.readyState = 3;
  }
  // test controls
  serverOpens() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverSends(event: Partial<ServerEvent> & { seq: number | null }) {
    this.onmessage?.({ data: JSON.stringify(serverEvent(event)) });
  }
  serverCloses(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: "" });
  }
}

function serverEvent(partial: Partial<ServerEvent> & { seq: number | null }): ServerEvent {
  return {
    type: "interviewer_msg",
    message_id: `m${partial.seq}`,
    session_id: "s1",
    timestamp: "2026-01-01T00:00:00Z",
    payload: { turn_id: "t1", kind: "delta", text: `#${partial.seq}` },
    ...partial,
  } as ServerEvent;
}

function harness(overrides: Partial<ConstructorParameters<typeof InterviewSocket>[0]> = {}) {
  const sockets: FakeSocket[] = [];
  const delivered: ServerEvent[] = [];
  const statuses: ConnectionStatus[] = [];
  const client = new InterviewSocket({
    url: () => "ws://gateway/ws/s1",
    token: "t",
    onEvent: (event) => delivered.push(event),
    onStatus: (status) => statuses.push(status),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    random: () => 0.5,
    jitter: 0,
    initialBackoffMs: 100,
    maxBackoffMs: 1_000,
    heartbeatMs: 5_000,
    gapTimeoutMs: 500,
    newMessageId: (() => {
      let n = 0;
      return () => `c${++n}`;
    })(),
    ...overrides,
  });
  const latest = () => sockets[sockets.length - 1];
  const seqs = () => delivered.map((event) => event.seq);
  return { client, sockets, delivered, statuses, latest, seqs };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("ordering", () => {
  it("delivers in-order events and drops replayed duplicates", () => {
    const h = harness();
    h.client.start();
    h.latest().serverOpens();
    for (const seq of [1, 2, 2, 3, 1]) h.latest().serverSends({ seq });
    expect(h.seqs()).toEqual([1, 2, 3]);
    expect(h.client.resumeSeq).toBe(3);
  });

  it("holds an early event until the gap before it fills, then delivers both in order", () => {
    const h = harness();
    h.client.start();
    h.latest().serverOpens();
    h.latest().serverSends({ seq: 1 });
    h.latest().serverSends({ seq: 3 });
    h.latest().serverSends({ seq: 4 });
    expect(h.seqs()).toEqual([1]);
    h.latest().serverSends({ seq: 2 });
    expect(h.seqs()).toEqual([1, 2, 3, 4]);
    expect(h.client.resumeSeq).toBe(4);
  });

  it("delivers connection-local events (seq null) immediately without moving the resume point", () => {
    const h = harness();
    h.client.start();
    h.latest().serverOpens();
    h.latest().serverSends({ seq: 1 });
    h.latest().serverSends({ seq: 3 });
    h.latest().serverSends({ seq: null, type: "heartbeat_ack", payload: {} } as never);
    expect(h.delivered.map((event) => event.type)).toEqual(["interviewer_msg", "heartbeat_ack"]);
    expect(h.client.resumeSeq).toBe(1);
  });

  it("reconnects to replay a gap that does not fill, and skips it if the replay cannot fill it", () => {
    const h = harness();
    h.client.start();
    h.latest().serverOpens();
    h.latest().serverSends({ seq: 1 });
    h.latest().serverSends({ seq: 3 });

    vi.advanceTimersByTime(500);
    expect(h.sockets).toHaveLength(2);
    expect(h.sockets[0].closedWith).toBe(4000);

    // the replay still lacks seq 2 (say it was lost server-side): the client must not stall
    h.latest().serverOpens();
    expect(h.latest().frames[0]).toEqual({ type: "authenticate", payload: { token: "t", last_seq: 1 } });
    h.latest().serverSends({ seq: 3 });
    h.latest().serverSends({ seq: 4 });
    expect(h.seqs()).toEqual([1]);
    vi.advanceTimersByTime(500);
    expect(h.seqs()).toEqual([1, 3, 4]);
    expect(h.sockets).toHaveLength(2);
  });
});

describe("reconnect and resume", () => {
  it("reconnects with exponential backoff and resumes from the last contiguous seq", () => {
    const h = harness();
    h.client.start();
    h.latest().serverOpens();
    h.latest().serverSends({ seq: 1 });
    h.latest().serverSends({ seq: 2 });
    h.latest().serverCloses(1006);
    expect(h.statuses.at(-1)).toBe("reconnecting");

    vi.advanceTimersByTime(99);
    expect(h.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(h.sockets).toHaveLength(2);
    expect(h.latest().url).toBe("ws://gateway/ws/s1"); // no token, no resume point in the URL

    // the second attempt fails too: the wait doubles
    h.latest().serverCloses(1006);
    vi.advanceTimersByTime(199);
    expect(h.sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(h.sockets).toHaveLength(3);

    h.latest().serverOpens();
    expect(h.latest().frames[0]).toEqual({ type: "authenticate", payload: { token: "t", last_seq: 2 } });
    expect(h.statuses.at(-1)).toBe("open");
    h.latest().serverSends({ seq: 2 }); // server replays the overlap
    h.latest().serverSends({ seq: 3 });
    expect(h.seqs()).toEqual([1, 2, 3]);
  });

  it("caps the backoff and resets it after a successful open", () => {
    const h = harness();
    expect([1, 2, 3, 4, 5, 6].map((attempt) => h.client.backoffDelay(attempt))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    h.client.start();
    h.latest().serverCloses();
    vi.advanceTimersByTime(100);
    h.latest().serverCloses();
    vi.advanceTimersByTime(200);
    h.latest().serverOpens();
    h.latest().serverCloses();
    vi.advanceTimersByTime(100); // back to the first delay
    expect(h.sockets).toHaveLength(4);
  });

  it("randomises part of each delay when jitter is set", () => {
    const low = harness({ jitter: 0.5, random: () => 0 });
    const high = harness({ jitter: 0.5, random: () => 0.999 });
    expect(low.client.backoffDelay(3)).toBe(200);
    expect(high.client.backoffDelay(3)).toBe(400);
  });

  it("starts from a resume point carried over from an earlier page load", () => {
    const h = harness({ initialLastSeq: 7 });
    h.client.start();
    h.latest().serverOpens();
    expect(h.latest().frames[0]).toEqual({ type: "authenticate", payload: { token: "t", last_seq: 7 } });
    h.latest().serverSends({ seq: 7 });
    h.latest().serverSends({ seq: 8 });
    expect(h.seqs()).toEqual([8]);
  });

  it("gives up on a close code that means the token or session is bad", () => {
    const h = harness();
    h.client.start();
    h.latest().serverCloses(4401);
    vi.advanceTimersByTime(10_000);
    expect(h.sockets).toHaveLength(1);
    expect(h.statuses.at(-1)).toBe("failed");
  });

  it("does not reconnect after stop()", () => {
    const h = harness();
    h.client.start();
    h.latest().serverOpens();
    h.client.stop();
    vi.advanceTimersByTime(10_000);
    expect(h.sockets).toHaveLength(1);
    expect(h.statuses.at(-1)).toBe("closed");
  });

  it("treats a connection silent for a whole heartbeat interval as dead and reconnects", () => {
    const h = harness();
    h.client.start();
    h.latest().serverOpens();
    vi.advanceTimersByTime(5_000);
    expect(h.latest().sent.map((event) => event.type)).toEqual(["heartbeat"]);
    vi.advanceTimersByTime(5_000); // no heartbeat_ack came back
    expect(h.sockets[0].closedWith).toBe(4000);
    vi.advanceTimersByTime(100);
    expect(h.sockets).toHaveLength(2);
  });
});

describe("outbox", () => {
  it("queues events while disconnected and sends them in order on open, keeping only the newest snapshot", () => {
    const h = harness();
    h.client.start();
    h.client.send({ type: "start_interview", payload: {} });
    h.client.send({ type: "code_snapshot", payload: { code: "a", language: "python" } });
    h.client.send({ type: "send_message", payload: { text: "hi" } });
    h.client.send({ type: "code_snapshot", payload: { code: "ab", language: "python" } });
    h.client.send({ type: "heartbeat", payload: {} });
    h.latest().serverOpens();
    expect(h.latest().sent.map((event) => event.type)).toEqual(["start_interview", "send_message", "code_snapshot"]);
    expect(h.latest().sent[2].payload).toEqual({ code: "ab", language: "python" });
  });

  it("gives every event a message_id and keeps one the caller chose", () => {
    const h = harness();
    h.client.start();
    h.latest().serverOpens();
    const generated = h.client.send({ type: "send_message", payload: { text: "hi" } });
    const chosen = h.client.send({ type: "start_interview", message_id: "fixed", payload: {} });
    expect(generated).toBe("c1");
    expect(chosen).toBe("fixed");
    expect(h.latest().sent.map((event) => event.message_id)).toEqual(["c1", "fixed"]);
  });

  it("re-sends events queued during an outage on the new connection", () => {
    const h = harness();
    h.client.start();
    h.latest().serverOpens();
    h.latest().serverCloses();
    h.client.send({ type: "run_code", payload: { code: "x", language: "go", mode: "run" } });
    vi.advanceTimersByTime(100);
    h.latest().serverOpens();
    expect(h.latest().sent.map((event) => event.type)).toEqual(["run_code"]);
  });
});

describe("authentication and size limits", () => {
  it("authenticates each connection with its first frame, before anything queued", () => {
    const h = harness();
    h.client.start();
    h.client.send({ type: "start_interview", payload: {} });
    h.latest().serverOpens();
    expect(h.latest().frames.map((frame) => frame.type)).toEqual(["authenticate", "start_interview"]);
    expect(h.latest().frames[0].payload).toEqual({ token: "t", last_seq: 0 });
    expect(h.latest().url).not.toContain("t=");
  });

  it("answers oversized code with a local error instead of sending it", () => {
    const h = harness();
    h.client.start();
    h.latest().serverOpens();
    const id = h.client.send({ type: "run_code", payload: { code: "x".repeat(MAX_CODE_CHARS + 1), language: "python", mode: "run" } });
    expect(h.latest().sent).toEqual([]);
    const error = h.delivered.at(-1)!;
    expect(error.type).toBe("error");
    expect(error.payload).toMatchObject({ code: "code_too_large", ref_message_id: id });
  });

  it("answers a frame over the gateway's limit with a local error instead of sending it", () => {
    const h = harness({ maxFrameBytes: 1_000 });
    h.client.start();
    h.latest().serverOpens();
    h.client.send({ type: "send_message", payload: { text: "é".repeat(600) } }); // 1 200 bytes in UTF-8
    expect(h.latest().sent).toEqual([]);
    expect(h.delivered.at(-1)!.payload).toMatchObject({ code: "frame_too_large" });
    h.client.send({ type: "send_message", payload: { text: "short" } });
    expect(h.latest().sent.map((event) => event.type)).toEqual(["send_message"]);
  });
});
