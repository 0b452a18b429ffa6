"""The package version, and the extractor version recorded on every article row."""

from __future__ import annotations

__version__ = "0.1.0"


def __getattr__(name: str) -> str:
    """EXTRACTOR_VERSION: derived on first use (scraper/extractor_version.py), never bumped."""
    if name == "EXTRACTOR_VERSION":
        from .rules import bundled_rules

        return bundled_rules().extractor_version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def version_report() -> str:
    """`scraper --version`: the package version, the extractor version and its inputs."""
    from .extractor_version import _installed_code_digest, library_versions
    from .rules import bundled_rules

    rules = bundled_rules()
    inputs = [f"code {_installed_code_digest()[:12]}", f"rules {rules.digest[:12] or 'none'}",
              *(f"{name} {version}" for name, version in library_versions().items())]
    return (f"scraper, version {__version__}\n"
            f"extractor {rules.extractor_version} ({', '.join(inputs)})")
