"""``python -m stimulering``."""

from stimulering.cli import main

main()
