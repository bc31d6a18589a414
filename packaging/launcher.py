"""PyInstaller entry script: the same ``main`` the ``fulfillment-station`` console script runs."""

import sys

from fulfillment_station.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
