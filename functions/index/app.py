"""IndexFunction's entry point: the handler in masthead.handlers.index, wired to AWS."""

from masthead.handlers.index import make_handler
from masthead.service.runtime import index_wiring

lambda_handler = make_handler(index_wiring)
