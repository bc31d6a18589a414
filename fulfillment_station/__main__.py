"""Allows ``python -m fulfillment_station``."""

from fulfillment_station.cli.main import main

raise SystemExit(main())
