"""Moved to :mod:`tests.helpers.factories`; kept so tests written before the move still run."""

from tests.helpers.factories import NOW as NOW
from tests.helpers.factories import build_order as build_order
from tests.helpers.factories import iter_orders as iter_orders
from tests.helpers.factories import make_order_dict as make_order_dict
from tests.helpers.factories import make_orders as make_orders
