"""Build hook: a wheel gets the shipped question set, the model and their bundle.

``questions.yaml`` and ``models/`` live at the repository root, where they are easy
to find and edit; a wheel carries them as package data in ``stimulering/data``.
Beside them it carries ``stimulering/bundle.json``, made here from those same files
(see ``stimulering.sources.bundle``), so an installed program starts fast and no bundle is
kept in git. An editable install gets neither: the package then reads the files at
the repository root and keeps its bundle in the user's cache folder.

Making the bundle imports the package's own loading code (pydantic and PyYAML), which
is why those two are in ``[build-system] requires``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    """Adds the shipped files and their freshly made bundle to a standard wheel."""

    folder: str | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Make the bundle and force the data files into the wheel."""
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        questions, models = root / "questions.yaml", root / "models"
        # A process of its own, so that the package under build is imported from its
        # sources and nothing of it stays in the build backend.
        paths = [str(root / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
        made = subprocess.run(
            [sys.executable, "-m", "stimulering.sources.bundle", str(questions), str(models)],
            env={**os.environ, "PYTHONPATH": os.pathsep.join(paths), "PYTHONUTF8": "1"},
            cwd=root, capture_output=True, check=False)
        if made.returncode != 0:
            raise RuntimeError("cannot make the bundle of questions.yaml and models/:\n"
                               + made.stderr.decode("utf-8", "replace"))
        self.folder = tempfile.mkdtemp(prefix="stimulering-bundle-")
        bundle = Path(self.folder) / "bundle.json"
        bundle.write_bytes(made.stdout)
        build_data["force_include"][str(questions)] = "stimulering/data/questions.yaml"
        build_data["force_include"][str(models)] = "stimulering/data/models"
        build_data["force_include"][str(bundle)] = "stimulering/bundle.json"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the bundle's temporary folder."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
