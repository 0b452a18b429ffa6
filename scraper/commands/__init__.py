"""Click commands, grouped by area; scraper/cli.py registers them."""
