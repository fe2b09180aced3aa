"""``python -m guard.cli``: the same as the ``guard`` console script."""

from guard.cli import main

main()
