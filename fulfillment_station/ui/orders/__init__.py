"""The order list and its detail: the table model and view, the filter bar, the preset words,
the detail pane, audit lines and the window's side of writes."""
