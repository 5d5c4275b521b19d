"""Where the tests find the repository, their own data and the calibration cases."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DATA = TESTS / "data"
CALIBRATION = TESTS / "calibration"
