"""``python -m scraper.demo``: serve the demo site until Ctrl-C."""

from __future__ import annotations

from .server import main

raise SystemExit(main())
