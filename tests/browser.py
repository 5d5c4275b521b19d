"""A real headless Chromium for the form's tests, driven by selenium, with no network.

Debian's ``chromium`` and ``chromium-driver`` packages put the browser and its driver in
``/usr/bin``; selenium is told both paths, so its own manager never looks for a browser
on the internet. Where either is missing, the browser tests skip and name what is missing.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1000,1400")


def missing() -> str | None:
    """Why no browser test can run here, or ``None`` when they can."""
    for binary, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not binary.exists():
            return f"{binary} is missing (install the Debian package {package})"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@contextmanager
def chromium(downloads: Path) -> Iterator[Any]:
    """A headless Chromium with a fresh profile that saves downloads in ``downloads``."""
    reason = missing()
    if reason is not None:
        pytest.skip(f"no browser for the form tests: {reason}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="stimulering-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "safebrowsing.enabled": False,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                               {"behavior": "allow", "downloadPath": str(downloads)})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for_file(path: Path, seconds: float = 20.0) -> Path:
    """``path`` once the browser has finished writing it (downloads land in the background)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and not list(path.parent.glob("*.crdownload")):
            return path
        time.sleep(0.05)
    present = sorted(p.name for p in path.parent.iterdir())
    raise AssertionError(f"{path.name} was not downloaded; the folder holds {present}")
