"""Checks of the packaging files: the PyInstaller spec names every resource the package has,
the desktop entry can launch the app, the AppStream file is valid XML that matches the desktop
entry and the version, build.sh is valid bash; and the top-level resources/ is installed as
fulfillment_station.resources both by an editable install and in a wheel."""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import fulfillment_station
from fulfillment_station.resources import RESOURCES_DIR

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "fulfillment-station.spec"
RESOURCES = RESOURCES_DIR
APP_ID = "org.fulfillmentstation.FulfillmentStation"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"


def spec_resources() -> set[str]:
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "RESOURCES" for t in node.targets
        ):
            return set(ast.literal_eval(node.value))
    raise AssertionError("the spec has no RESOURCES tuple")


def test_spec_names_every_resource_of_the_package() -> None:
    present = {p.name for p in RESOURCES.iterdir() if p.name not in ("__pycache__", "__init__.py")}
    assert present - spec_resources() == set()
    # The folders the app is known to read are there (a rename would break the build).
    assert {"carriers.json", "fonts", "icons", "translations"} <= present


def test_spec_builds_from_the_packaged_paths_and_the_launcher() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert "from fulfillment_station.resources import RESOURCES_DIR" in text
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


def _declared_packages() -> set[str]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(pyproject["tool"]["setuptools"]["packages"])


def test_every_package_of_the_source_tree_is_declared() -> None:
    # The packages are listed (resources/ needs its package-dir), so a new sub-package left out
    # of pyproject.toml would work from the checkout and be missing from every wheel.
    in_tree = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "fulfillment_station").rglob("__init__.py")
    }
    assert in_tree <= _declared_packages()
    assert "fulfillment_station.resources" in _declared_packages()


def test_resources_resolve_from_the_top_level_folder_in_this_install() -> None:
    assert (RESOURCES_DIR / "carriers.json").is_file()
    # An editable install (what CI and the README use) reads the folder beside
    # fulfillment_station/; an installed wheel reads its own copy inside the package.
    installed = Path(fulfillment_station.__file__).resolve().parent / "resources"
    assert RESOURCES_DIR in (ROOT / "resources", installed)


@pytest.mark.integration
def test_a_wheel_carries_the_resources_inside_the_package(tmp_path: Path) -> None:
    # Built from a copy, so the checkout gets no build/ folder; with this venv's setuptools
    # (the test extras pin a recent one), so no index is needed.
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.qm")
    for name in ("fulfillment_station", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    out = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--wheel-dir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    (wheel,) = out.glob("fulfillment_station-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = {
        f"fulfillment_station/resources/{p.relative_to(RESOURCES_DIR).as_posix()}"
        for p in RESOURCES_DIR.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".qm"
    }
    assert expected - names == set()
    assert "fulfillment_station/resources/translations/fulfillment_station_es.ts" in names
    assert not any(n.startswith("resources/") for n in names)  # not a top-level package
