"""The main window and what frames it: menus and wiring, first run, crash reports, help,
the keyboard-shortcut overview and the cycle-collector guard."""
