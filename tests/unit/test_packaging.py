"""The installed package is the source tree: every package under src/, and every folder of data files
(message templates, catalogues), is listed in pyproject.toml, so a non-editable install (the Docker image) has
every module and file the editable checkout has, and setuptools has nothing to warn about."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_source_package_is_installed() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    source = ROOT / "src"
    found = {
        ".".join(["tend", *init.parent.relative_to(source).parts])
        for init in source.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    data = {
        ".".join(["tend", *folder.relative_to(source).parts])
        for folder in source.rglob("*")
        if folder.is_dir()
        and "__pycache__" not in folder.parts
        and not (folder / "__init__.py").exists()
        and any(child.is_file() for child in folder.iterdir())
    }
    assert data, "the message templates and catalogues are data folders"
    wanted = found | data
    assert wanted - listed == set(), f"add to [tool.setuptools] packages: {sorted(wanted - listed)}"
    assert listed - wanted == set(), f"listed but not in src/: {sorted(listed - wanted)}"
