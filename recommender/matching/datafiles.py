"""Data management: enterprise uploads, policy uploads and reviewed rules, never half-written."""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine as SqlEngine

from recommender.errors import DocumentError, RuleError
from recommender.matching.workspace import POLICY_DIR, uploads_dir
from recommender.rules.schema import Policy

__all__ = [
    "preview_enterprises",
    "rejected_csv",
    "import_enterprises",
    "save_upload",
    "source_path",
    "review_source",
    "save_reviewed_yaml",
]


def preview_enterprises(filename: str, data: bytes):
    """Validate an uploaded table without storing anything: good rows and rejected rows."""
    from recommender.profiles.importer import read_table

    return read_table(io.BytesIO(data), filename=filename)


def rejected_csv(rejected) -> pd.DataFrame:
    """Rejected rows as a table with Chinese headers (row numbers count the header as row 1)."""
    return pd.DataFrame(
        [(e.row, e.credit_code or "", e.reason) for e in rejected],
        columns=["行号", "统一社会信用代码", "原因"],
    )


def import_enterprises(frame: pd.DataFrame, db: SqlEngine):
    """Upsert validated rows in one transaction."""
    from recommender.profiles.store import upsert_enterprises

    return upsert_enterprises(frame, db)


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def save_upload(filename: str, data: bytes) -> Policy:
    """Keep an uploaded policy document once it has been read successfully; return its rules."""
    from recommender.rules.corpus import load_policy

    name = Path(filename).name
    if not Path(name).stem:
        raise DocumentError("D110", "文件名不能为空")
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / name
        trial.write_bytes(data)
        policy = load_policy(trial)  # raises a coded error before anything is stored
    _atomic_write(uploads_dir() / name, data)
    return policy


def source_path(policy_id: str) -> Path | None:
    """The document file of a policy: an upload wins over the bundled corpus."""
    from recommender.text.loaders import document_paths

    for folder in (uploads_dir(), POLICY_DIR):
        for path in document_paths(folder):
            if path.stem == policy_id:
                return path
    return None


def review_source(policy: Policy) -> tuple[str, str]:
    """The policy's text and its rules as YAML (reviewed file if there is one, else the draft)."""
    from recommender.rules.rules_yaml import dump_policy_yaml

    path = source_path(policy.policy_id)
    rules = path.with_suffix(".yaml") if path else None
    if rules is not None and rules.exists():
        return policy.text, rules.read_text(encoding="utf-8")
    return policy.text, dump_policy_yaml(policy)


def _mark_reviewed(yaml_text: str) -> str:
    """The same rules with ``reviewed: true`` (a person has now checked them)."""
    if re.search(r"^reviewed:", yaml_text, flags=re.M):
        return re.sub(r"^reviewed:.*$", "reviewed: true", yaml_text, count=1, flags=re.M)
    return "reviewed: true\n" + yaml_text


def save_reviewed_yaml(policy: Policy, yaml_text: str) -> list[RuleError]:
    """Validate edited rules beside a copy of the document; store them only when clean."""
    from recommender.rules.reviewed import validate_rules_file

    doc = source_path(policy.policy_id)
    if doc is None:
        return [RuleError("R215", f"找不到政策 {policy.policy_id} 的原文文件")]
    yaml_text = _mark_reviewed(yaml_text)
    with tempfile.TemporaryDirectory() as tmp:
        trial_doc = Path(tmp) / doc.name
        shutil.copyfile(doc, trial_doc)
        trial_rules = trial_doc.with_suffix(".yaml")
        trial_rules.write_text(yaml_text, encoding="utf-8")
        errors = validate_rules_file(trial_rules)
    if errors:
        return errors
    target = uploads_dir()
    if doc.parent != target:
        _atomic_write(target / doc.name, doc.read_bytes())
    _atomic_write(target / f"{policy.policy_id}.yaml", yaml_text.encode("utf-8"))
    return []
