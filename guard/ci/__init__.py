"""Continuous-integration glue: the GitHub Action's step (``github``)."""
