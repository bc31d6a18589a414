"""The desk's hardware below the UI: scales (USB HID point-of-sale and serial) and printer status
(Zebra ``~HS`` on TCP 9100, CUPS queues). No Qt, no globals; every read is bounded in time.
"""
