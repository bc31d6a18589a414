"""The training store's folder printer: it fills in only the printers the packer has not
chosen, and a folder that cannot be made stops neither training nor the print queue."""

from __future__ import annotations

from pathlib import Path

from fulfillment_station.printing.samples import sample_order
from fulfillment_station.services.print_service import PrintService
from fulfillment_station.services.training_printer import (
    training_print_folder,
    with_training_printer,
)
from fulfillment_station.store.print_queue import JobState, PrintQueue
from fulfillment_station.store.settings import Settings


def test_only_the_printers_not_chosen_print_into_the_training_folder(tmp_path: Path) -> None:
    folder = training_print_folder(tmp_path)
    assert folder == tmp_path / "training" / "printed" and folder.is_dir()
    assert folder.stat().st_mode & 0o077 == 0  # this user's only
    nothing_chosen = with_training_printer(Settings.defaults(), folder)
    assert nothing_chosen["printers.slip_printer"] == f"file:{folder}"
    assert nothing_chosen["printers.label_printer"] == f"file:{folder}"
    chosen = Settings.defaults().replace({"printers.slip_printer": "cups:Office"})
    kept = with_training_printer(chosen, folder)
    assert kept["printers.slip_printer"] == "cups:Office"
    assert kept["printers.label_printer"] == f"file:{folder}"


def test_a_training_folder_that_cannot_be_made_is_a_sentence_not_a_crash(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    folder = training_print_folder(blocked)  # no exception: training still opens
    assert not folder.exists()
    queue = PrintQueue.open(tmp_path / "queue.sqlite3")
    try:
        service = PrintService(queue, with_training_printer(Settings.defaults(), folder))
        outcome = service.print_slip(sample_order("7001"))
        assert not outcome.printed and outcome.job is not None
        assert outcome.job.state is JobState.FAILED  # kept for Retry, never lost
        assert str(folder) in outcome.message and "\n" not in outcome.message
    finally:
        queue.close()
