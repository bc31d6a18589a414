"""Fulfillment Station: the packing-desk app for scanning, packing, printing and shipping orders."""

__version__ = "0.1.0"
APP_NAME = "Fulfillment Station"
USER_AGENT = f"FulfillmentStation/{__version__} (+packing-desk)"
