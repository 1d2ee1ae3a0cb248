"""The HTML report of `quotetrace track --html`, opened in a real headless Chromium.

Run from the repository root after `cargo build --release -p quotetrace-cli`:

    python3 -m pytest cli/tests/browser -q

QUOTETRACE names the binary (default target/release/quotetrace); SCREENSHOT names where the
demo report's screenshot goes (default target/report.png; the README's is docs/report.png).
"""

import os
import subprocess
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = Path(__file__).resolve().parents[3]
BINARY = Path(os.environ.get("QUOTETRACE", ROOT / "target" / "release" / "quotetrace"))
SCREENSHOT = Path(os.environ.get("SCREENSHOT", ROOT / "target" / "report.png"))
HOSTILE = Path(__file__).with_name("hostile.jsonl")


def report(corpus, out):
    """Writes the HTML report of `corpus` to `out` with the real binary."""
    subprocess.run([str(BINARY), "track", str(corpus), "--html", str(out), "--quiet"], check=True)
    return out


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,760"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    yield driver
    driver.quit()


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def visible_statements(driver):
    return [s for s in driver.find_elements(By.CSS_SELECTOR, "section.statement") if s.is_displayed()]


def test_demo_report_shows_statements_variants_timeline_and_filters(browser, tmp_path):
    page = report(ROOT / "examples" / "data", tmp_path / "demo.html")
    browser.get(page.as_uri())

    statements = visible_statements(browser)
    assert len(statements) >= 10
    first = statements[0]
    # Most outlets first: the first statement was printed by several outlets, with variants,
    # drift marks and a timeline with one dot per dated quotation.
    assert "outlets" in first.find_element(By.CSS_SELECTOR, ".counts").text
    assert len(first.find_elements(By.CSS_SELECTOR, "li.variant")) >= 5
    assert first.find_elements(By.CSS_SELECTOR, ".variant .edit.case")
    assert first.find_elements(By.CSS_SELECTOR, ".variant .edit.truncation")
    assert len(first.find_elements(By.CSS_SELECTOR, "svg.timeline circle")) >= 5
    assert first.find_element(By.CSS_SELECTOR, ".first a").get_attribute("href").startswith("https://")

    search = browser.find_element(By.ID, "search")
    search.send_keys("ceasefire")
    shown = visible_statements(browser)
    assert 0 < len(shown) < len(statements)
    assert all("ceasefire" in s.get_attribute("data-words") for s in shown)
    search.clear()
    search.send_keys("zqxw plok")
    assert visible_statements(browser) == []
    assert browser.find_element(By.ID, "none").is_displayed()
    search.clear()
    search.send_keys(" ")
    assert len(visible_statements(browser)) == len(statements)

    browser.find_element(By.ID, "show-outlets").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "#outlets tbody tr")
    assert len(rows) == 8 and rows[0].is_displayed()
    assert not browser.find_element(By.ID, "statements").is_displayed()
    browser.find_element(By.ID, "show-statements").click()
    assert visible_statements(browser)

    assert console_errors(browser) == []
    search.clear()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(SCREENSHOT))


def test_hostile_text_renders_as_text(browser, tmp_path):
    page = report(HOSTILE, tmp_path / "hostile.html")
    browser.get(page.as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    # Only the page's own script and style, no injected image, and the page still shown.
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    assert len(browser.find_elements(By.TAG_NAME, "style")) == 1
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert browser.find_elements(By.TAG_NAME, "b") == []
    assert browser.find_element(By.TAG_NAME, "body").is_displayed()
    text = browser.find_element(By.TAG_NAME, "body").text
    for hostile in ("<script>alert(1)</script>", "\"><img src=x onerror=alert(4)>", "</style>"):
        assert hostile in text
    # A javascript: address is never a link.
    hrefs = [a.get_attribute("href") or "" for a in browser.find_elements(By.TAG_NAME, "a")]
    assert not [h for h in hrefs if h.startswith("javascript:")]
    assert console_errors(browser) == []
