"""Pytest plugin: YAML case tests ``policies/tests/<id>.yaml``, one test per sentence-named case."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from recommender.errors import PolicyMatchError
from recommender.rules.schema import Policy

__all__ = [
    "CASE_KEYS",
    "STATUS_NAMES",
    "CaseFailure",
    "CaseFile",
    "CaseItem",
    "CheckItem",
    "default_as_of",
    "Verdict",
    "run_cases",
    "pytest_collect_file",
]

CASE_KEYS = frozenset({"name", "item", "as_of", "profile", "expect", "failed"})
STATUS_NAMES: dict[int, str] = {1: "eligible", 0: "unknown", -1: "ineligible"}
_LABELS = {"eligible": "符合", "unknown": "待确认", "ineligible": "不符合"}
_CASE_COLUMN = "用例序号"  # an extra column: carried through the importer untouched


class CaseFailure(Exception):
    """A case whose verdict differs from what it expects; carries the trace to show."""

    def __init__(self, message: str, trace: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.trace = trace


def default_as_of(policy: Policy) -> date:
    """The date a case runs on when it names none: the start of the document's validity window."""
    for value in (policy.valid_from, policy.published, policy.valid_until):
        if value:
            day = date.fromisoformat(value)
            if policy.is_valid_on(day):
                return day
    return date.today()


class Verdict(NamedTuple):
    """What a case came to: its status, the fields of the conditions that made it fail, the trace."""

    status: str
    failed: set[str]
    trace: Any


def _failed_fields(table: Any) -> set[str]:
    failing: set[str] = set()  # failed conditions whose enclosing groups failed too
    fields: set[str] = set()
    for row in table.itertuples():
        if row.result == "failed" and (not row.group or row.group in failing):
            failing.add(str(row.condition))
            if isinstance(row.field, str) and row.field:
                fields.add(row.field)
    return fields


def run_cases(policy: Policy, cases: list[dict[str, Any]]) -> list[Verdict | CaseFailure]:
    """Run cases (each naming an item of ``policy``), one enterprise frame per ``as_of`` date."""
    from recommender.profiles.derive import derive
    from recommender.profiles.importer import frame_from_records
    from recommender.rules.engine import Engine
    from recommender.rules.trace import trace

    items = {i.item_id: i for i in policy.items}
    by_day: dict[date, list[int]] = {}
    for n, case in enumerate(cases):
        day = date.fromisoformat(str(case["as_of"])) if case.get("as_of") else default_as_of(policy)
        by_day.setdefault(day, []).append(n)
    out: list[Verdict | CaseFailure] = [CaseFailure("")] * len(cases)
    for day, numbers in by_day.items():
        records = [{**(cases[n].get("profile") or {}), _CASE_COLUMN: str(n)} for n in numbers]
        result = frame_from_records(records, require_key=False, as_of=day)
        for error in result.rejected:
            out[numbers[error.row - 1]] = CaseFailure(f"用例中的企业画像不合法：{error.reason}")
        engine = Engine(derive(result.frame, day))
        for row, n in enumerate(result.frame[_CASE_COLUMN].astype(int)):
            item = items[cases[n]["item"]]
            status = STATUS_NAMES[int(engine.item_status(item)[row])]
            if not policy.is_valid_on(day):
                status = "ineligible"
            table = trace(engine, [row], item)
            out[n] = Verdict(status, _failed_fields(table), table)
    return out


class CheckItem(pytest.Item):
    """A check of a case file as a whole; it fails with ``problem`` when there is one."""

    def __init__(self, *, problem: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problem = problem

    def runtest(self) -> None:
        """Fail with the problem found while collecting, if any."""
        if self.problem:
            raise CaseFailure(self.problem)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """The Chinese reason and, when there is one, the trace of every condition."""
        exc = excinfo.value
        if isinstance(exc, CaseFailure | PolicyMatchError):
            text = f"用例“{self.name}”：{exc.message}"
            if isinstance(exc, CaseFailure) and exc.trace is not None:
                columns = ["condition", "field", "observed", "expected", "result", "clause", "text"]
                text += "\n" + exc.trace[columns].to_string(index=False)
            return text
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the case lives, for pytest's report."""
        return self.path, None, f"用例：{self.name}"


def _case_problem(case: Any, policy: Policy, seen: set[str]) -> str:
    """Why a case cannot run ('' when it can)."""
    if not isinstance(case, dict):
        return "用例必须是键值对象"
    extra = sorted(set(case) - CASE_KEYS, key=str)
    if extra:
        return f"用例含有未知的键：{'、'.join(map(str, extra))}"
    if case.get("name") in seen:
        return f"用例名称重复：{case.get('name')}"
    if case.get("expect") not in _LABELS:
        return f"expect 必须是 eligible、ineligible 或 unknown，实为“{case.get('expect')}”"
    if case.get("item") not in {i.item_id for i in policy.items}:
        return f"项目编号“{case.get('item')}”不在政策 {policy.policy_id} 中"
    if not isinstance(case.get("profile") or {}, dict):
        return "profile 必须是“字段: 值”形式的映射"
    try:
        if case.get("as_of"):
            date.fromisoformat(str(case["as_of"]))
    except ValueError:
        return f"as_of 日期格式不合法：{case['as_of']}"
    return ""


class CaseItem(CheckItem):
    """One case: a partial profile in, the expected verdict out."""

    parent: CaseFile

    def __init__(self, *, case: dict[str, Any], index: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.index = index

    def runtest(self) -> None:
        """Compare the case's verdict with ``expect`` and ``failed``."""
        super().runtest()
        verdict = self.parent.verdicts()[self.index]
        if isinstance(verdict, CaseFailure):
            raise verdict
        expect = self.case["expect"]
        if verdict.status != expect:
            raise CaseFailure(
                f"期望“{_LABELS[expect]}”（{expect}），实际“{_LABELS[verdict.status]}”（{verdict.status}）",
                verdict.trace,
            )
        missing = set(self.case.get("failed") or ()) - verdict.failed
        if missing:
            raise CaseFailure(
                f"期望不满足的字段 {sorted(missing)} 实际没有不满足（不满足的字段：{sorted(verdict.failed)}）",
                verdict.trace,
            )


class CaseFile(pytest.File):
    """A case file: its policy's cases, plus a check that every item it names exists."""

    policy: Policy
    runnable: list[dict[str, Any]]
    _verdicts: list[Verdict | CaseFailure] | None = None

    def verdicts(self) -> list[Verdict | CaseFailure]:
        """Every runnable case's verdict, computed together on first use."""
        if self._verdicts is None:
            self._verdicts = run_cases(self.policy, self.runnable)
        return self._verdicts

    def collect(self) -> Iterator[pytest.Item]:
        """One test per case (a broken file still gives failing tests, never a silent pass)."""
        from recommender.rules.corpus import load_policy
        from recommender.rules.reviewed import document_for, read_yaml

        try:
            data = read_yaml(self.path)
            if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
                raise CaseFailure("用例文件必须含有 policy_id 和 cases 列表")
            if str(data.get("policy_id")) != self.path.stem:
                raise CaseFailure(f"policy_id“{data.get('policy_id')}”与文件名“{self.path.stem}”不一致")
            doc = document_for(self.path.parent.parent / f"{self.path.stem}.yaml")
            if doc is None:
                raise CaseFailure(f"找不到政策文件 {self.path.stem}.md")
            self.policy = load_policy(doc)
        except (CaseFailure, PolicyMatchError) as exc:
            yield CheckItem.from_parent(self, name="用例文件可以读取", problem=exc.message)
            return
        cases = data["cases"]
        known = {i.item_id for i in self.policy.items}
        unknown = sorted({str(c.get("item")) for c in cases if isinstance(c, dict)} - known)
        yield CheckItem.from_parent(
            self,
            name="用例中的项目编号都存在",
            problem=f"用例引用了不存在的项目编号：{'、'.join(unknown)}" if unknown else "",
        )
        self.runnable = []
        seen: set[str] = set()
        for n, case in enumerate(cases, 1):
            problem = _case_problem(case, self.policy, seen)
            case = case if isinstance(case, dict) else {}
            name = str(case.get("name") or f"第{n}个用例")
            seen.add(name)
            if not problem:
                self.runnable.append(case)
            yield CaseItem.from_parent(
                self, name=name, case=case, index=len(self.runnable) - 1, problem=problem
            )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> CaseFile | None:
    """Collect every ``*.yaml`` case file of the folder whose conftest imports this hook."""
    if file_path.suffix == ".yaml":
        return CaseFile.from_parent(parent, path=file_path)
    return None
