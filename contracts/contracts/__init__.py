"""MockMind's shared language: every message that crosses a process boundary, and the bus topology.

- `events`: what the browser and the gateway say to each other over the WebSocket.
- `bus`: what services say to each other over RabbitMQ.
- `sandbox`: the judge's request and result (used inside `bus` messages and by `sandbox-run`).
- `topology`: exchanges, routing keys and queues; the only place their names are written.
"""
