"""Load a script of the repository (scripts/*.py) or the shared scorer as a module, by path: they are
programs, not parts of the package, and tests call their functions directly."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def load_module(path: Path, name: str | None = None) -> ModuleType:
    """The module at `path`, registered in sys.modules under `name` (default: the file's stem) so that
    dataclasses and pickling inside it resolve their own module."""
    name = name or path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader, f"cannot load {path}"
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_script(stem: str) -> ModuleType:
    """scripts/<stem>.py as a module."""
    return load_module(SCRIPTS / f"{stem}.py")
