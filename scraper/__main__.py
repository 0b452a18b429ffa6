"""Allow `python -m scraper`."""

from .cli import main

main()
