"""`scraper crawl`, `scraper demo`, `scraper reextract`: the commands that fill the database."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from ..cluster.pool import ClusterExtractionPool
from ..config import Settings
from ..errors import ConfigError, ScraperError, exit_status_of
from ..lock import RunLock
from ..pipeline import Crawler, CrawlReport
from ..reextract import reextract
from ..rules import rules_for
from ..sites import Seed, Site, load_sites, seeds_from_urls
from ..store import Store
from ..store.core import refused
from .cluster_options import cluster_executor, cluster_option
from .options import (
    WHEN,
    WHEN_HELP,
    RecordedCommand,
    check_site_names,
    given_arguments,
    selectors_option,
)
from .output import RunOutput, article_table

F = TypeVar("F", bound=Callable[..., Any])


def storage_options(function: F) -> F:
    """--db and --archive-dir, shared by the commands that write."""
    function = click.option("--archive-dir", type=click.Path(path_type=Path),
                            default=Path("data/archive"), show_default=True,
                            help="Folder of the WARC archives.")(function)
    return click.option("--db", "db_path", type=click.Path(path_type=Path),
                        default=Path("data/articles.db"), show_default=True,
                        help="SQLite database.")(function)


def run_guarded(body: Callable[[], int], output: RunOutput | None = None) -> None:
    """Run a command body, mapping errors to exit codes (errors.exit_status_of: the status
    the run's crawl_runs row records too): 1 failed, 2 configuration (and paths that cannot be
    used), 3 locked."""
    output = output or RunOutput()
    try:
        status = body()
    except (ScraperError, OSError) as error:
        if isinstance(error, BrokenPipeError):
            raise
        status = exit_status_of(error)
        if isinstance(error, ScraperError):
            output.error(error.describe(), status)
        else:  # a path given (database, archive, lock) cannot be used
            output.error(f"{error.filename or 'cannot continue'}: {error.strerror or error}",
                         status)
        sys.exit(status)
    sys.exit(status)


def crawl_with_lock(settings: Settings, seeds: list[Seed], output: RunOutput,
                    arguments: list[str], keep_outcomes: bool = False,
                    sites: list[Site] | None = None, since: datetime | None = None,
                    transport: Any = None, cluster: str | None = None) -> CrawlReport:
    """Take the run lock, open the store (and the cluster, if any) and crawl."""
    with RunLock(settings.db_path), Store.open(settings.db_path) as store, \
            refused(None, settings.db_path), cluster_executor(cluster, output) as executor:
        pool = ClusterExtractionPool(executor, rules_for(settings.selectors_dir),
                                     timeout=settings.extraction_timeout) \
            if executor is not None else None
        crawler = Crawler(settings, store, listener=output, keep_outcomes=keep_outcomes,
                          sites=sites or (), since=since, transport=transport,
                          extraction=pool)
        report = crawler.run(seeds, arguments)
    output.finish(report)
    return report


@click.command("crawl", cls=RecordedCommand)
@click.argument("urls", nargs=-1)
@click.option("--site", "site_names", multiple=True, help="Crawl only this site of the sites file.")
@click.option("--sites", "sites_file", type=click.Path(path_type=Path), default=Path("sites.toml"),
              show_default=True, help="The sites file (TOML).")
@storage_options
@selectors_option
@click.option("--since", type=WHEN,
              help="Skip articles a feed or sitemap dates before this: " + WHEN_HELP
              + " Undated ones are always fetched.")
@click.option("--max-pages", type=click.IntRange(min=1), help="Fetch at most this many articles.")
@click.option("--max-duration", type=click.FloatRange(min=0, min_open=True),
              help="Stop after this many seconds: discovery and fetching alike (requests in "
                   "flight are abandoned, pages being extracted finish).")
@click.option("--delay", type=click.FloatRange(min=0), help="Seconds between requests to one host.")
@click.option("--concurrency", type=click.IntRange(min=1), help="Sites fetched in parallel.")
@click.option("--workers", type=click.IntRange(min=0),
              help="Extraction processes (default 1); 0 extracts in a thread of the crawl "
                   "process, where --extraction-timeout cannot apply.")
@click.option("--extraction-timeout", type=click.FloatRange(min=0),
              help="Seconds one page may take to extract (or a feed, sitemap or listing to "
                   "read) before it is recorded as failed; default 60, 0 for none.")
@cluster_option
@click.option("--contact-url", help="Contact URL for the User-Agent.")
@click.option("--allow-private", is_flag=True, help="Allow loopback/private addresses (tests, demo).")
@click.option("--ignore-robots", is_flag=True, help="Do not obey robots.txt (your own sites only).")
@click.option("--log-json", is_flag=True, help="Log one JSON object per page and a summary.")
def crawl_command(urls: tuple[str, ...], site_names: tuple[str, ...], sites_file: Path,
                  db_path: Path, archive_dir: Path, selectors_dir: Path | None,
                  since: datetime | None, max_pages: int | None,
                  max_duration: float | None, delay: float | None, concurrency: int | None,
                  workers: int | None, extraction_timeout: float | None,
                  cluster: str | None, contact_url: str | None, allow_private: bool,
                  ignore_robots: bool, log_json: bool) -> None:
    """Crawl the sites of the sites file, or start from URLS (pages, feeds, sitemaps).

    Exit status: 0 all went well, 1 some pages failed, 2 usage or configuration error,
    3 another run holds the lock. Every run is recorded in the crawl_runs table.
    """
    output = RunOutput(log_json=log_json)

    def body() -> int:
        if urls and site_names:
            raise ConfigError("give either URLs or --site, not both")
        if cluster and workers:
            raise ConfigError("give --workers (local processes) or --cluster, not both")
        settings = Settings(db_path=db_path, archive_dir=archive_dir).with_overrides(
            max_pages=max_pages, max_duration=max_duration, delay=delay, concurrency=concurrency,
            workers=workers, extraction_timeout=extraction_timeout, contact_url=contact_url,
            allow_private=allow_private or None,
            obey_robots=False if ignore_robots else None, selectors_dir=selectors_dir)
        if urls:  # the sites file, when there is one, names the sites the URLs belong to
            sites = load_sites(sites_file) if sites_file.exists() else []
            seeds = seeds_from_urls(list(urls))
        else:
            sites = _sites(site_names, sites_file)
            seeds = [seed for site in sites for seed in site.seeds()]
        report = crawl_with_lock(settings, seeds, output, given_arguments(),
                                 sites=sites, since=since, cluster=cluster)
        return report.exit_status

    run_guarded(body, output)


def _sites(site_names: tuple[str, ...], sites_file: Path) -> list[Site]:
    """Load the sites file, keeping only the named sites when --site is given."""
    sites = load_sites(sites_file)
    if site_names:
        check_site_names(site_names, [site.name for site in sites], "the sites file")
        sites = [site for site in sites if site.name in site_names]
    return sites


@click.command("demo", cls=RecordedCommand)
@storage_options
def demo_command(db_path: Path, archive_dir: Path) -> None:
    """Serve the bundled demo news site on 127.0.0.1, crawl it, and show what was extracted."""

    def body() -> int:
        settings = Settings(db_path=db_path, archive_dir=archive_dir, allow_private=True,
                            delay=0.0, retries=1)
        server, transport = _demo_server()
        with server:
            origin = server.public_base_url or server.base_url
            click.echo(f"demo site serving at {origin}")
            settings = settings.with_overrides(contact_url=f"{origin}/contact/")
            seeds = [Seed(f"{origin}/", "demo", "start")]  # feed and sitemap are found from it
            report = crawl_with_lock(settings, seeds, RunOutput(), given_arguments(),
                                     keep_outcomes=True,
                                     transport=transport)
        click.echo("")
        if any(outcome.article for outcome in report.outcomes):
            click.echo(article_table(report.outcomes))
        else:
            click.echo("no article changed since the last demo run: they are in the database")
        click.echo(f"\ndatabase: {db_path}   archive: {archive_dir}/")
        click.echo(f"try: {_scraper_command()} search harbour --db {db_path}")
        return report.exit_status

    run_guarded(body)


def _scraper_command() -> str:
    """How the user can call this program again: the console script, relative when it is
    under the working folder (".venv/bin/scraper"), else by name."""
    script = Path(sys.argv[0])
    if script.name != "scraper":
        return "scraper"
    try:
        return str(script.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return "scraper"


def _demo_server() -> tuple[Any, Any]:
    """The demo server on DEMO_PORT; when that port is taken, one on a free port that names
    the usual address in its pages, and the transport that reaches it there (so the demo's
    URLs, and its rows, are those of every other run)."""
    from ..demo import DEMO_PORT, DemoServer
    from ..demo.forward import PortForward

    try:
        return DemoServer(port=DEMO_PORT).start(), None
    except OSError:
        origin = f"http://127.0.0.1:{DEMO_PORT}"
        server = DemoServer(public_base_url=origin).start()
        click.echo(f"port {DEMO_PORT} is busy: serving on port {server.port}, "
                   f"under the usual address {origin}", err=True)
        return server, PortForward(origin, server.port)


@click.command("reextract", cls=RecordedCommand)
@click.option("--site", help="Only the articles of this site.")
@click.option("--since", type=WHEN,
              help="Only pages fetched at or after this: " + WHEN_HELP)
@click.option("--stale", is_flag=True,
              help="Only the articles an older extractor wrote (another extractor version "
                   "than this one's; see scraper --version).")
@storage_options
@selectors_option
@click.option("--extraction-timeout", type=click.FloatRange(min=0),
              help="Seconds one page may take to extract (in a helper process, stopped then) "
                   "before it is recorded as failed; default 60, 0 for none.")
@cluster_option
@click.option("--log-json", is_flag=True, help="Log one JSON object per page and a summary.")
def reextract_command(site: str | None, since: datetime | None, stale: bool, db_path: Path,
                      archive_dir: Path, selectors_dir: Path | None,
                      extraction_timeout: float | None, cluster: str | None,
                      log_json: bool) -> None:
    """Extract every archived article again, with no network, and update the database."""
    output = RunOutput(log_json=log_json)
    arguments = given_arguments()

    def body() -> int:
        if not db_path.exists():
            raise ConfigError(f"no database at {db_path}: crawl first")
        settings = Settings(db_path=db_path, archive_dir=archive_dir,
                            selectors_dir=selectors_dir).with_overrides(
                                extraction_timeout=extraction_timeout)
        with RunLock(db_path), Store.open(db_path, create=False) as store, \
                refused(None, db_path), cluster_executor(cluster, output) as executor:
            if site is not None:
                check_site_names([site], store.site_names(), f"the database {db_path}")
            report = reextract(settings, store, site=site, since=since, stale=stale,
                               arguments=arguments, listener=output, executor=executor)
        output.finish(report)
        return report.exit_status

    run_guarded(body, output)


COMMANDS = [crawl_command, demo_command, reextract_command]
