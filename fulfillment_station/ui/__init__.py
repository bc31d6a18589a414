"""The Qt half of the app, in rooms by what a reader looks for.

- ``shell``: the main window and what frames it (menus and wiring, first run, crash reports,
  help, the keyboard-shortcut overview, the cycle-collector guard).
- ``orders``: the order list (table model, view, filter bar, preset words), the detail pane and
  the window's side of writes.
- ``pack``: pack mode, its host (the typed operations it runs on workers), the live scale and
  the desk's sounds.
- ``dialogs``: one module per dialog (ship, cancel, edit, create order, bulk ship, channel
  sync, connection, settings, shift report).
- ``panels``: the outbox and print-queue side panels.
- ``desks``: the window's side of the station database (claims, heartbeat, live changes).
- ``common``: what every room uses: typed background workers, translation and locale
  formatting, theme and icons, the scanner filter, print previews, the shared table-model base.

Nothing here decides anything a test needs a window for: the rules live in ``services/``
(pack flow, operations, filters) and the widgets render their results.
"""
