import shutil
from pathlib import Path

import pytest
import yaml

from question_bank.bank import PROBLEMS_DIR, QuestionBank, default_bank

EXAMPLE = "ticket_pair_budget"


@pytest.fixture(scope="session")
def bank() -> QuestionBank:
    return default_bank()


@pytest.fixture
def problem_copy(tmp_path: Path):
    """A private copy of one shipped problem, plus a way to edit its YAML."""
    target = tmp_path / "problems" / EXAMPLE
    shutil.copytree(PROBLEMS_DIR / EXAMPLE, target)

    def edit(change):
        path = target / "problem.yaml"
        raw = yaml.safe_load(path.read_text())
        change(raw)
        path.write_text(yaml.safe_dump(raw, sort_keys=False))

    return target, edit
