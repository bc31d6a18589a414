"""The station database: several desks of one warehouse coordinating through one PostgreSQL
server (claims, shared outbox visibility, the shared audit log, live change events and the
shift's numbers). No Qt. A single desk uses :class:`~.coordinator.LocalCoordinator` and needs
no server; see ``docs/station-database.md``."""
