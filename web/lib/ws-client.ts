/**
 * The interview room's WebSocket: reconnects with exponential backoff and resumes the session's
 * event stream from the highest contiguous `seq` it has delivered.
 *
 * Authentication: the token never goes in the URL (servers and proxies log URLs). The first frame of
 * every connection is `{"type": "authenticate", "payload": {"token", "last_seq"}}`; the gateway closes
 * with 4401 (missing, late or wrong token) or 4403 (another session's token), both fatal here.
 *
 * Ordering rules for server events:
 *  - `seq: null` (heartbeat_ack, frame errors) is connection-local and delivered at once;
 *  - `seq <= lastSeq` was already delivered (a replay overlap) and is dropped;
 *  - `seq == lastSeq + 1` is delivered, then any buffered successors that are now contiguous;
 *  - `seq > lastSeq + 1` is held back until the gap fills. If it does not fill within
 *    `gapTimeoutMs`, the client reconnects so the server replays from `lastSeq`; if a gap survives
 *    that resync too, the client skips it rather than stalling the room forever.
 *
 * Client events sent while disconnected wait in an outbox and go out, in order, on the next open.
 * Only the newest `code_snapshot` is kept there, and heartbeats are never queued.
 */
import type { ClientEvent, ServerEvent } from "./types";

export type ConnectionStatus = "idle" | "connecting" | "open" | "reconnecting" | "closed" | "failed";

/** The subset of the browser WebSocket this client uses, so tests can pass a fake. */
export interface SocketLike {
  readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;

/** Close codes after which reconnecting cannot help (bad token, unknown session, policy). */
const FATAL_CLOSE_CODES = new Set([1008, 4400, 4401, 4403, 4404]);

/** The gateway's limits (MAX_WS_FRAME_BYTES, the longest code): checked here so an oversized event is
 * answered at once with a local `error` event instead of being sent. */
export const MAX_FRAME_BYTES = 512 * 1024;
export const MAX_CODE_CHARS = 64 * 1024;

export interface InterviewSocketOptions {
  /** Builds the socket URL for a connection attempt (no token or resume point in it). */
  url: () => string;
  /** The session token, sent in the first frame of each connection. */
  token: string;
  onEvent: (event: ServerEvent) => void;
  onStatus?: (status: ConnectionStatus, detail?: { attempt: number; delayMs?: number; code?: number }) => void;
  createSocket?: SocketFactory;
  /** Resume point carried across page loads; 0 replays the whole session. */
  initialLastSeq?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** 0..1: share of each backoff delay that is randomised, so many tabs don't reconnect in step. */
  jitter?: number;
  heartbeatMs?: number;
  /** A heartbeat with no answer (of any kind) within this long marks the connection dead. */
  heartbeatTimeoutMs?: number;
  gapTimeoutMs?: number;
  random?: () => number;
  /** Called with a fresh id for each outgoing event without one. */
  newMessageId?: () => string;
  /** Largest frame the gateway accepts, in UTF-8 bytes. */
  maxFrameBytes?: number;
}

export class InterviewSocket {
  private socket: SocketLike | null = null;
  private lastSeq: number;
  private held = new Map<number, ServerEvent>();
  private outbox: ClientEvent[] = [];
  private attempt = 0;
  private stopped = true;
  private status: ConnectionStatus = "idle";
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private heartbeatDeadline: ReturnType<typeof setTimeout> | null = null;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private receivedSinceHeartbeat = true;
  /** Set when a reconnect was made to fill a gap; a gap that survives it is skipped. */
  private resyncedForGapAt: number | null = null;
  private readonly opts: Required<Omit<InterviewSocketOptions, "onStatus" | "initialLastSeq">> &
    Pick<InterviewSocketOptions, "onStatus">;

  constructor(options: InterviewSocketOptions) {
    this.lastSeq = options.initialLastSeq ?? 0;
    this.opts = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      initialBackoffMs: 500,
      maxBackoffMs: 10_000,
      jitter: 0.3,
      heartbeatMs: 5_000,
      heartbeatTimeoutMs: 4_000,
      gapTimeoutMs: 2_000,
      random: Math.random,
      newMessageId: () => globalThis.crypto.randomUUID().replaceAll("-", ""),
      maxFrameBytes: MAX_FRAME_BYTES,
      ...options,
    };
  }

  /** Highest contiguous sequence number delivered so far. */
  get resumeSeq(): number {
    return this.lastSeq;
  }

  get connectionStatus(): ConnectionStatus {
    return this.status;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    globalThis.addEventListener?.("offline", this.handleOffline);
    this.open();
  }

  /** The browser knows the network is gone: no need to wait for a heartbeat to go unanswered. */
  private readonly handleOffline = () => {
    if (this.socket && this.status === "open") this.dropDeadConnection();
  };

  /** Closes for good (the page is leaving); no reconnect follows. */
  stop(): void {
    this.stopped = true;
    globalThis.removeEventListener?.("offline", this.handleOffline);
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      this.detach(socket);
      socket.close(1000, "client closed");
    }
    this.setStatus("closed");
  }

  /** Sends now if connected, otherwise queues (see the class comment). Returns the message_id. */
  send(event: ClientEvent): string {
    const withId = { ...event, message_id: event.message_id ?? this.opts.newMessageId() } as ClientEvent;
    const tooLarge = this.tooLarge(withId);
    if (tooLarge) {
      // Never sent: the gateway would refuse it. Answered like the gateway answers a bad frame.
      this.opts.onEvent(localError(tooLarge.code, tooLarge.message, withId.message_id!));
      return withId.message_id!;
    }
    if (this.socket && this.socket.readyState === OPEN) {
      this.flushOutbox();
      this.socket.send(JSON.stringify(withId));
    } else {
      this.enqueue(withId);
    }
    return withId.message_id!;
  }

  private tooLarge(event: ClientEvent): { code: string; message: string } | null {
    const code = (event.payload as { code?: unknown }).code;
    if (typeof code === "string" && code.length > MAX_CODE_CHARS) {
      return {
        code: "code_too_large",
        message: `The code is ${code.length.toLocaleString("en")} characters long; the limit is ${MAX_CODE_CHARS.toLocaleString("en")}.`,
      };
    }
    const bytes = new TextEncoder().encode(JSON.stringify(event)).length;
    if (bytes > this.opts.maxFrameBytes) {
      return {
        code: "frame_too_large",
        message: `This message is ${bytes.toLocaleString("en")} bytes; the limit is ${this.opts.maxFrameBytes.toLocaleString("en")}.`,
      };
    }
    return null;
  }

  private enqueue(event: ClientEvent): void {
    if (event.type === "heartbeat") return;
    if (event.type === "code_snapshot") {
      this.outbox = this.outbox.filter((queued) => queued.type !== "code_snapshot");
    }
    this.outbox.push(event);
  }

  private open(): void {
    this.setStatus(this.attempt === 0 ? "connecting" : "reconnecting", { attempt: this.attempt });
    const socket = this.opts.createSocket(this.opts.url());
    this.socket = socket;
    socket.onopen = () => this.handleOpen();
    socket.onmessage = (message) => this.handleMessage(message.data);
    socket.onclose = (close) => this.handleClose(socket, close.code);
    socket.onerror = () => {
      /* the close event that follows decides what to do */
    };
  }

  private handleOpen(): void {
    this.attempt = 0;
    // First frame: the credentials and the resume point; everything else follows it.
    this.socket?.send(JSON.stringify({ type: "authenticate", payload: { token: this.opts.token, last_seq: this.lastSeq } }));
    this.setStatus("open", { attempt: 0 });
    this.flushOutbox();
    this.startHeartbeat();
  }

  private flushOutbox(): void {
    while (this.outbox.length > 0 && this.socket && this.socket.readyState === OPEN) {
      this.socket.send(JSON.stringify(this.outbox.shift()));
    }
  }

  private handleMessage(data: unknown): void {
    this.receivedSinceHeartbeat = true;
    this.clearHeartbeatDeadline();
    let event: ServerEvent;
    try {
      event = JSON.parse(String(data)) as ServerEvent;
    } catch {
      return; // not ours to interpret; the server only sends JSON
    }
    if (!event || typeof event.type !== "string") return;
    this.accept(event);
  }

  private accept(event: ServerEvent): void {
    const seq = event.seq;
    if (seq === null || seq === undefined) {
      this.opts.onEvent(event);
      return;
    }
    if (seq <= this.lastSeq || this.held.has(seq)) return;
    if (seq > this.lastSeq + 1) {
      this.held.set(seq, event);
      this.armGapTimer();
      return;
    }
    this.deliver(event);
    this.drainHeld();
  }

  private deliver(event: ServerEvent): void {
    this.lastSeq = event.seq!;
    this.opts.onEvent(event);
  }

  private drainHeld(): void {
    let next = this.held.get(this.lastSeq + 1);
    while (next) {
      this.held.delete(this.lastSeq + 1);
      this.deliver(next);
      next = this.held.get(this.lastSeq + 1);
    }
    if (this.held.size === 0) {
      this.clearGapTimer();
      this.resyncedForGapAt = null;
    }
  }

  private armGapTimer(): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.held.size === 0) return;
      if (this.resyncedForGapAt === this.lastSeq) {
        this.skipGap();
      } else {
        this.resyncedForGapAt = this.lastSeq;
        this.reconnectNow();
      }
    }, this.opts.gapTimeoutMs);
  }

  /** The server could not fill the gap even after a replay: deliver what we have, in order. */
  private skipGap(): void {
    const pending = [...this.held.keys()].sort((a, b) => a - b);
    const first = pending[0];
    const event = this.held.get(first)!;
    this.held.delete(first);
    this.deliver(event);
    this.drainHeld();
    if (this.held.size > 0) this.armGapTimer();
  }

  private reconnectNow(): void {
    const socket = this.socket;
    if (!socket) return;
    this.detach(socket);
    socket.close(4000, "resync");
    this.socket = null;
    this.stopHeartbeat();
    this.open();
  }

  private handleClose(socket: SocketLike, code: number): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.stopHeartbeat();
    if (this.stopped) return;
    if (FATAL_CLOSE_CODES.has(code)) {
      this.stopped = true;
      this.clearTimers();
      this.setStatus("failed", { attempt: this.attempt, code });
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.attempt += 1;
    const delayMs = this.backoffDelay(this.attempt);
    this.setStatus("reconnecting", { attempt: this.attempt, delayMs });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopped) this.open();
    }, delayMs);
  }

  /** Exponential backoff capped at maxBackoffMs, with part of it randomised. */
  backoffDelay(attempt: number): number {
    const base = Math.min(this.opts.maxBackoffMs, this.opts.initialBackoffMs * 2 ** (attempt - 1));
    const spread = base * this.opts.jitter;
    return Math.round(base - spread + spread * this.opts.random());
  }

  /**
   * Every `heartbeatMs` a heartbeat goes out; a connection that answers nothing within
   * `heartbeatTimeoutMs` is presumed dead, so "Live" turns to "Reconnecting" within seconds of the
   * network dropping (a socket whose network vanished can stay "open" for a long time otherwise).
   */
  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.receivedSinceHeartbeat = true;
    this.heartbeatTimer = setInterval(() => {
      if (!this.receivedSinceHeartbeat) {
        this.dropDeadConnection();
        return;
      }
      this.receivedSinceHeartbeat = false;
      this.send({ type: "heartbeat", payload: {} });
      this.clearHeartbeatDeadline();
      this.heartbeatDeadline = setTimeout(() => {
        this.heartbeatDeadline = null;
        if (!this.receivedSinceHeartbeat) this.dropDeadConnection();
      }, this.opts.heartbeatTimeoutMs);
    }, this.opts.heartbeatMs);
  }

  private clearHeartbeatDeadline(): void {
    if (this.heartbeatDeadline) clearTimeout(this.heartbeatDeadline);
    this.heartbeatDeadline = null;
  }

  private dropDeadConnection(): void {
    const socket = this.socket;
    if (!socket) return;
    this.detach(socket);
    this.socket = null;
    this.stopHeartbeat();
    socket.close(4000, "heartbeat timeout");
    this.scheduleReconnect();
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.clearHeartbeatDeadline();
  }

  private clearGapTimer(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }

  private clearTimers(): void {
    this.stopHeartbeat();
    this.clearGapTimer();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private detach(socket: SocketLike): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
  }

  private setStatus(status: ConnectionStatus, detail?: { attempt: number; delayMs?: number; code?: number }): void {
    this.status = status;
    this.opts.onStatus?.(status, detail);
  }
}

function localError(code: string, message: string, refMessageId: string): ServerEvent {
  return {
    type: "error",
    message_id: `local-${refMessageId}`,
    session_id: "",
    timestamp: new Date().toISOString(),
    seq: null,
    payload: { code, message, ref_message_id: refMessageId },
  } as ServerEvent;
}
