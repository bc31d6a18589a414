"""Cheap checks of the packaging files (no build): the PyInstaller spec names every resource
the package has, the desktop entry can launch the app, the AppStream file is valid XML that
matches the desktop entry and the version, and build.sh is valid bash."""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import fulfillment_station

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "fulfillment-station.spec"
RESOURCES = Path(fulfillment_station.__file__).resolve().parent / "resources"
APP_ID = "org.fulfillmentstation.FulfillmentStation"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"


def spec_resources() -> set[str]:
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "RESOURCES" for t in node.targets)):
            return set(ast.literal_eval(node.value))
    raise AssertionError("the spec has no RESOURCES tuple")


def test_spec_names_every_resource_of_the_package() -> None:
    present = {p.name for p in RESOURCES.iterdir() if p.name != "__pycache__"}
    assert present - spec_resources() == set()
    # The folders the app is known to read are there (a rename would break the build).
    assert {"carriers.json", "fonts", "icons", "translations"} <= present


def test_spec_builds_from_the_packaged_paths_and_the_launcher() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert "fulfillment_station.__file__" in text
    assert (PACKAGING / "launcher.py").is_file()


def test_desktop_entry_launches_the_app_with_its_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == fulfillment_station.APP_NAME
    assert entry["Exec"].split()[0] == "fulfillment-station"
    assert entry["Icon"] == APP_ID
    assert (RESOURCES / "icons" / "fulfillment-station.svg").is_file()


def test_metainfo_parses_and_matches_the_desktop_entry_and_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == fulfillment_station.APP_NAME
    assert root.findtext("launchable") == DESKTOP.name
    versions = [r.get("version") for r in root.iter("release")]
    assert fulfillment_station.__version__ in versions


def test_changelog_has_an_entry_for_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{fulfillment_station.__version__}]" in text


def test_build_script_is_executable_bash() -> None:
    script = PACKAGING / "build.sh"
    assert os.access(script, os.X_OK)
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")
    subprocess.run([bash, "-n", str(script)], check=True)
