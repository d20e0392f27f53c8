"""The Lambda entry points, one module per function: event in, records through a step, batch
response out. Each module imports only its own step (import cost is cold-start cost)."""
