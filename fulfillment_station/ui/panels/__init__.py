"""The side panels: the outbox (every queued write) and the print queue (every slip and label)."""
