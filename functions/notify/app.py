"""NotifyFunction's entry point: the handler in masthead.handlers.notify, wired to AWS."""

from masthead.handlers.notify import make_handler
from masthead.service.runtime import notify_wiring

lambda_handler = make_handler(notify_wiring)
