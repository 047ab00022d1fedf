"""The provenance site in a real browser: Debian's chromium, headless and cut off from the network,
opens every page from file://, and its rendered DOM holds every source text whole with each
indicator highlighted, every link reaching a page and an element, nothing fetched from elsewhere.
Screenshots of the index and a document page are kept in artifacts/site/ for people to look at.

Chromium starts once per page (``--dump-dom``), several at a time. Without chromium the tests
skip, except where the environment variable CI is set: there they fail, since .ci/run installs it.
"""

from __future__ import annotations

import os
import struct
import subprocess
import tempfile
import zlib
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from policyspec.cli.program import main
from policyspec.loading.check_files import check_files
from policyspec.loading.options import DEFAULT_OPTIONS
from policyspec.loading.paths import expand_paths
from policyspec.release.site.inputs import SiteDocument, site_documents
from tests.clients.tools import find_program
from tests.conftest import REPO
from tests.site_html import Page, read_page

ARTIFACTS = REPO / "artifacts" / "site"
SHOWN_DOCUMENT = "wuxi-party-building-model-zone"
PARALLEL = min(4, max(2, os.cpu_count() or 2))  # chromium waits on files as much as on a core
# Headless, no sandbox (root in CI), and no way out: every host name resolves to nothing.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


def browser_or_reason(found: str | None, environment: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The browser, or why there is none and whether that fails the run (CI) or skips it."""
    if found is not None:
        return found, None
    if environment.get("CI"):
        return None, "fail"
    return None, "skip"


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_program("chromium", Path("/usr/bin"))
    browser, outcome = browser_or_reason(found, os.environ)
    if outcome == "fail":
        pytest.fail("chromium is not installed and CI is set: .ci/run installs it (apt-get install chromium)")
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI runs these tests")
    return browser


def _run_browser(chromium: str, *arguments: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="policyspec-chromium-") as profile:
        done = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=90,
            check=False,
        )
    assert done.returncode == 0, f"chromium {arguments} exited {done.returncode}"
    return done.stdout


@pytest.fixture(scope="module")
def entries() -> list[SiteDocument]:
    return site_documents(check_files(expand_paths(None), DEFAULT_OPTIONS), DEFAULT_OPTIONS)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser") / "site"
    assert main(["site", "--out", str(folder)]) == 0
    return folder


@pytest.fixture(scope="module")
def rendered(chromium: str, site: Path) -> dict[str, Page]:
    """Every page of the site as chromium's DOM after loading it from file://."""
    names = sorted(p.name for p in site.iterdir() if p.suffix == ".html")

    def dump(name: str) -> tuple[str, Page]:
        dom = _run_browser(chromium, "--dump-dom", (site / name).as_uri())
        return name, read_page(dom.decode("utf-8"))  # bytes: a carriage return must stay one

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        return dict(pool.map(dump, names))


def test_every_page_loads_from_file(site: Path, rendered: dict[str, Page]) -> None:
    assert len(rendered) == len(list(site.glob("*.html"))) > 6
    for name, page in rendered.items():
        assert ("main", {}) in page.elements, f"{name}: no main element in the rendered page"
        assert page.text.strip(), name


def test_every_indicator_is_highlighted_in_the_rendered_source(
    entries: list[SiteDocument], rendered: dict[str, Page]
) -> None:
    for entry in entries:
        page = rendered[f"document-{entry.document.id}.html"]
        text = entry.source_text
        assert page.source == text, f"{entry.document.id}: the page's text is not the source"
        for indicator in entry.document.indicators:
            start = text.find(indicator.quote)
            covered = [
                indicator.id in page.data_ids_at(i) for i in range(start, start + len(indicator.quote))
            ]
            assert start >= 0, f"{entry.document.id}: {indicator.id}'s quote is not in the source"
            assert all(covered), f"{entry.document.id}: {indicator.id} is not highlighted"


def test_every_link_reaches_a_page_and_an_element(rendered: dict[str, Page]) -> None:
    index = rendered["index.html"]
    assert {name for name in rendered if name != "index.html"} <= {
        link.partition("#")[0] for link in index.links
    }
    for name, page in rendered.items():
        for link in page.links:
            target, _, fragment = link.partition("#")
            assert target == "" or target in rendered, f"{name}: {link} leads to no page"
            if fragment:
                assert fragment in rendered[target or name].ids, f"{name}: {link} leads to no element"


def test_no_page_refers_to_the_network(rendered: dict[str, Page]) -> None:
    for name, page in rendered.items():
        assert page.resources == ["site.css"], name
        assert not [
            link for link in [*page.links, *page.resources] if link.startswith(("http:", "https:", "//"))
        ]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _png_pixel(data: bytes, x: int, y: int) -> tuple[int, ...]:
    """The RGB of one pixel of an 8-bit, non-interlaced RGB or RGBA PNG (what chromium writes)."""
    width, _ = _png_size(data)
    depth, colour, _, _, interlace = data[24:29]
    assert (depth, interlace) == (8, 0)
    assert colour in (2, 6)
    step = 3 if colour == 2 else 4
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        if data[at + 4 : at + 8] == b"IDAT":
            chunks.append(data[at + 8 : at + 8 + length])
        at += 12 + length
    raw, stride = zlib.decompress(b"".join(chunks)), width * step
    previous = bytearray(stride)
    for row in range(y + 1):  # undo each row's filter (PNG spec 9.2), top down
        kind, line = (
            raw[row * (stride + 1)],
            bytearray(raw[row * (stride + 1) + 1 : (row + 1) * (stride + 1)]),
        )
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            guess = left + up - corner
            paeth = min(
                (abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner)
            )[2]
            line[i] = (line[i] + (0, left, up, (left + up) // 2, paeth)[kind]) & 0xFF
        previous = line
    return tuple(previous[x * step : x * step + 3])


@pytest.mark.parametrize("page", ["index.html", f"document-{SHOWN_DOCUMENT}.html"])
def test_screenshots_for_people_to_look_at(chromium: str, site: Path, page: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / page.replace(".html", ".png")
    shot.unlink(missing_ok=True)
    _run_browser(chromium, f"--screenshot={shot}", "--window-size=1280,1800", (site / page).as_uri())
    data = shot.read_bytes()
    assert _png_size(data) == (1280, 1800)
    assert len(data) > 50_000  # a page of text, not a blank one
    assert _png_pixel(data, 4, 600) == (0xFD, 0xFC, 0xF9)  # the stylesheet's paper: site.css was applied


def test_a_missing_browser_fails_under_ci_and_skips_elsewhere() -> None:
    assert browser_or_reason("/usr/bin/chromium", {"CI": "1"}) == ("/usr/bin/chromium", None)
    assert browser_or_reason(None, {"CI": "1"}) == (None, "fail")
    assert browser_or_reason(None, {}) == (None, "skip")
