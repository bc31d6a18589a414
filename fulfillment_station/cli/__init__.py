"""The command line: the GUI entry point and the headless commands of docs/architecture.md."""
