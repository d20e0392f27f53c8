"""ExtractFunction's entry point: the handler in masthead.handlers.extract, wired to AWS."""

from masthead.handlers.extract import make_handler
from masthead.service.runtime import extract_wiring

lambda_handler = make_handler(extract_wiring)
