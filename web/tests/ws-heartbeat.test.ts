/** The connection badge must leave "Live" within seconds of the network dropping (issue 18, point 10). */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { InterviewSocket, type ConnectionStatus, type SocketLike } from "@/lib/ws-client";

class SilentSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  sent: { type: string }[] = [];
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  opens() {
    this.readyState = 1;
    this.onopen?.({});
  }
}

/** A started client whose first socket has opened; every socket it makes and every status it reports. */
function connectedClient() {
  const sockets: SilentSocket[] = [];
  const statuses: ConnectionStatus[] = [];
  const client = new InterviewSocket({
    url: () => "ws://gateway/ws/s1",
    token: "t",
    onEvent: () => undefined,
    onStatus: (status) => statuses.push(status),
    createSocket: () => {
      const socket = new SilentSocket();
      sockets.push(socket);
      return socket;
    },
    random: () => 0.5,
  });
  client.start();
  sockets[0].opens();
  return { client, sockets, statuses };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("heartbeat", () => {
  it("reports a connection that stops answering as reconnecting within ten seconds", () => {
    const { client, sockets, statuses } = connectedClient();
    expect(statuses.at(-1)).toBe("open");
    vi.advanceTimersByTime(10_000); // the network is gone: nothing comes back
    expect(sockets[0].sent.some((event) => event.type === "heartbeat")).toBe(true);
    expect(statuses.at(-1)).toBe("reconnecting");
    client.stop();
  });

  it("stays live while heartbeats are answered", () => {
    const { client, sockets, statuses } = connectedClient();
    for (let second = 0; second < 30; second += 1) {
      vi.advanceTimersByTime(1_000);
      const last = sockets[0].sent.at(-1);
      if (last?.type === "heartbeat") {
        sockets[0].onmessage?.({ data: JSON.stringify({ type: "heartbeat_ack", seq: null, payload: {} }) });
        sockets[0].sent.push({ type: "answered" });
      }
    }
    expect(statuses.at(-1)).toBe("open");
    expect(sockets).toHaveLength(1);
    client.stop();
  });
});
