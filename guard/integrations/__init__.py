"""Bridges to the tools teams already run next to guard (MLflow). Each bridge is an optional extra,
imported only by the verbs and model specs that name it, so a plain install never loads it."""
