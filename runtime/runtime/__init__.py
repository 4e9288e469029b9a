"""What every MockMind service process shares at run time: settings, the RabbitMQ broker with its
middleware, trace-context propagation, worker heartbeats, and publishing server events."""
