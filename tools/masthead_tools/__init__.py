"""Masthead's laptop side: the `masthead` command, the embedded AWS (moto) that runs the real
handlers from template.yaml, the typed index reader for downstream services, and the operators'
redrive and replay. Installed with the project (`pip install -e .[dev]`); never part of the Lambda
layer, which ships only the `masthead` runtime package."""
