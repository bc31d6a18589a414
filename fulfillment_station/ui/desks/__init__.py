"""The window's side of the station database: pack-mode claims, the desk's heartbeat, the
"coordination off" indicator and other desks' live changes as Qt signals."""
