"""ReindexFunction's entry point: the handler in masthead.handlers.reindex, wired to AWS."""

from masthead.handlers.reindex import make_handler
from masthead.service.runtime import reindex_wiring

lambda_handler = make_handler(reindex_wiring)
