"""One module per dialog: ship, cancel, edit, create order, bulk ship, channel sync, connection,
settings and the shift report. Dialogs validate and return requests; they never talk to a store."""
