# For the type checker only: the package fulfillment_station.resources is the top-level
# resources/ folder (package-dir in pyproject.toml), which mypy cannot map by itself.
from pathlib import Path

RESOURCES_DIR: Path
