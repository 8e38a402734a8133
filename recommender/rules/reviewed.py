"""Reviewed rule files ``policies/<id>.yaml``: load, check with coded errors, merge, dump."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from recommender.errors import PolicyMatchError, RuleError
from recommender.rules.schema import Condition, Policy, SupportItem
from recommender.text.loaders import DOCUMENT_SUFFIXES, Document, load_document

__all__ = [
    "TOP_KEYS",
    "ITEM_KEYS",
    "CONDITION_KEYS",
    "load_reviewed",
    "validate_rules_file",
    "policy_from_files",
    "document_for",
    "read_yaml",
]

TOP_KEYS = frozenset({"policy_id", "reviewed", "items", "valid_from", "valid_until"})
ITEM_KEYS = frozenset(
    {"item_id", "kind", "name", "clause", "conditions", "assumed", "benefits", "industries", "text"}
)
CONDITION_KEYS = frozenset({"field", "op", "value", "any_of", "clause", "text", "span", "confidence"})


class _Lined(dict):
    """A YAML mapping that remembers the line it started on."""

    line = 0


class _Loader(yaml.SafeLoader):
    """Safe YAML loader recording mapping lines and duplicate keys, keeping dates as text."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, Any]] = []


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Lined:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            loader.duplicates.append((key_node.start_mark.line + 1, key))
        seen.add(key)
    mapping = _Lined(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


def _construct_date(loader: _Loader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)


def _at(node: Any) -> str:
    line = getattr(node, "line", 0)
    return f"第{line}行：" if line else ""


def _parse(path: Path) -> tuple[Any, list[RuleError]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return None, [RuleError("R200", "规则文件必须是 UTF-8 编码")]
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"第{mark.line + 1}行：" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "无法解析"
        return None, [RuleError("R201", f"{line}YAML 语法错误（{problem}）")]
    finally:
        loader.dispose()
    dupes = [RuleError("R218", f"第{line}行：重复的键“{key}”") for line, key in loader.duplicates]
    return data, dupes


def read_yaml(path: str | Path) -> Any:
    """Plain data of a YAML file (dates kept as text); a syntax error raises :class:`RuleError`."""
    data, errors = _parse(Path(path))
    if errors:
        raise RuleError(errors[0].code, f"{Path(path).name}：{errors[0].message}")
    return data


def _check_condition_values(cond: Condition, where: str) -> list[RuleError]:
    """Checks of a plain condition against the code tables that the schema cannot make."""
    errors: list[RuleError] = []
    values = cond.value if isinstance(cond.value, tuple) else (cond.value,)
    if cond.field == "qualifications":
        from recommender.profiles.qualifications import qualification_table

        canonical = set(qualification_table()["canonical"])
        for value in values:
            if value not in canonical:
                errors.append(
                    RuleError("R210", f"{where}资质“{value}”不在规范名称表中：{cond.text}")
                )
    elif cond.field == "industry":
        from recommender.profiles.industry import industry_table

        codes = set(industry_table()["code"])
        for value in values:
            if value not in codes:
                errors.append(
                    RuleError(
                        "R211",
                        f"{where}行业代码“{value}”不在 GB/T 4754-2017 中（应写成带门类字母的形式，如 C13）：{cond.text}",
                    )
                )
    elif cond.field == "region_code":
        from recommender.profiles.regions import check_region_code

        for value in values:
            reason = check_region_code(value)
            if reason:
                errors.append(RuleError("R213", f"{where}{reason}（GB/T 2260）：{cond.text}"))
    return errors


def _unknown_keys(keys: list[Any]) -> str:
    text = "、".join(map(str, keys))
    if any(not str(k).isascii() for k in keys):
        text += "（流式写法 {…} 中的英文逗号会截断文字，请给含逗号的 text 加引号）"
    return text


def _check_condition(raw: Any, where: str) -> list[RuleError]:
    where = _at(raw) or where
    if isinstance(raw, dict):
        extra = sorted(set(raw) - CONDITION_KEYS, key=str)
        if extra:
            return [RuleError("R208", f"{where}条件含有未知的键：{_unknown_keys(extra)}")]
        if isinstance(raw.get("any_of"), list):
            errors = [e for child in raw["any_of"] for e in _check_condition(child, where)]
            if errors or len(raw["any_of"]) >= 2:
                return errors
    try:
        cond = Condition.from_dict(raw).validate()
    except RuleError as exc:
        if exc.code == "R104" and isinstance(raw, dict) and raw.get("field") == "region_code":
            return [RuleError("R212", f"{where}行政区划代码“{raw.get('value')}”格式不正确（应为加引号的6位数字）")]
        return [RuleError(exc.code, f"{where}{exc.message}")]
    except (TypeError, ValueError) as exc:
        return [RuleError("R104", f"{where}条件的取值不合法：{exc}")]
    return _check_condition_values(cond, where)


def _check_item(raw: Any, n: int, stem: str) -> list[RuleError]:
    where = f"{_at(raw)}第{n}个项目："
    if not isinstance(raw, dict):
        return [RuleError("R113", f"{where}项目必须是键值对象")]
    errors: list[RuleError] = []
    extra = sorted(set(raw) - ITEM_KEYS, key=str)
    if extra:
        errors.append(RuleError("R207", f"{where}项目含有未知的键：{_unknown_keys(extra)}"))
    expected = f"{stem}#{n}"
    if raw.get("item_id") != expected:
        errors.append(
            RuleError("R206", f"{where}项目编号应为“{expected}”（文件名加序号），实为“{raw.get('item_id')}”")
        )
    for key in ("conditions", "assumed", "benefits", "industries"):
        if raw.get(key) is not None and not isinstance(raw[key], list):
            errors.append(RuleError("R209", f"{where}“{key}”必须是列表"))
    if errors:
        return errors
    for cond in raw.get("conditions") or ():
        errors.extend(_check_condition(cond, where))
    try:
        item = SupportItem.from_dict({**raw, "conditions": []})
        item.validate()
    except RuleError as exc:
        errors.append(RuleError(exc.code, f"{where}{exc.message}"))
    return errors


def _check(path: Path) -> tuple[dict[str, Any] | None, list[RuleError]]:
    data, errors = _parse(path)
    if data is None and errors:
        return None, errors
    if not isinstance(data, dict):
        return None, [RuleError("R202", "规则文件的顶层必须是键值对象（policy_id、reviewed、items）")]
    extra = sorted(set(data) - TOP_KEYS, key=str)
    if extra:
        errors.append(
            RuleError("R203", f"未知的顶层键：{'、'.join(map(str, extra))}（允许：{'、'.join(sorted(TOP_KEYS))}）")
        )
    if "policy_id" not in data or not isinstance(data.get("items"), list):
        errors.append(RuleError("R204", "规则文件必须含有 policy_id 和 items 列表"))
        return None, errors
    stem = path.stem
    if str(data["policy_id"]) != stem:
        errors.append(RuleError("R205", f"policy_id“{data['policy_id']}”与文件名“{stem}”不一致"))
    if not isinstance(data.get("reviewed", False), bool):
        errors.append(RuleError("R214", "reviewed 必须是 true 或 false"))
    for key in ("valid_from", "valid_until"):
        if data.get(key) is not None:
            try:
                date.fromisoformat(str(data[key]))
            except ValueError:
                errors.append(RuleError("R120", f"日期“{key}”格式不合法：{data[key]}"))
    for n, item in enumerate(data["items"], 1):
        errors.extend(_check_item(item, n, stem))
    return (None if errors else data), errors


def document_for(yaml_path: str | Path) -> Path | None:
    """The policy document beside a rule file (same stem), if there is one."""
    yaml_path = Path(yaml_path)
    for suffix in DOCUMENT_SUFFIXES:
        candidate = yaml_path.with_suffix(suffix)
        if candidate.exists():
            return candidate
    return None


def load_reviewed(path: str | Path) -> dict[str, Any]:
    """The checked content of a rule file; raises the first :class:`RuleError` found."""
    path = Path(path)
    data, errors = _check(path)
    if errors:
        first = errors[0]
        more = f"（另有{len(errors) - 1}处错误）" if len(errors) > 1 else ""
        raise RuleError(first.code, f"{path.name}：{first.message}{more}")
    assert data is not None
    return data


def _merge(doc: Document, data: dict[str, Any]) -> Policy:
    meta = doc.meta

    def pick(key: str) -> str | None:
        value = data.get(key) or meta.get(key)
        return None if value in (None, "") else str(value)

    return Policy.from_dict(
        {
            "policy_id": doc.policy_id,
            "title": meta.get("title") or "",
            "issuer": meta.get("issuer"),
            "doc_number": meta.get("doc_number"),
            "region_code": meta.get("region_code"),
            "published": meta.get("published"),
            "valid_from": pick("valid_from"),
            "valid_until": pick("valid_until"),
            "reviewed": bool(data.get("reviewed", False)),
            "sources": meta.get("sources") or (),
            "items": data["items"],
        },
        text=doc.text,
    )


def policy_from_files(doc: Document, yaml_path: str | Path) -> Policy:
    """A policy from its document's front matter and its reviewed rule file."""
    data = load_reviewed(yaml_path)
    if str(data["policy_id"]) != doc.policy_id:
        raise RuleError("R205", f"规则文件的 policy_id“{data['policy_id']}”与文档“{doc.policy_id}”不一致")
    return _merge(doc, data).validate()


def validate_rules_file(path: str | Path) -> list[RuleError]:
    """Every problem of one rule file (and of the front matter it is merged with), coded."""
    path = Path(path)
    data, errors = _check(path)
    if errors:
        return errors
    assert data is not None
    doc_path = document_for(path)
    if doc_path is None:
        return [RuleError("R215", f"找不到与规则文件同名的政策文件（{path.stem}.md 等）")]
    try:
        policy = _merge(load_document(doc_path), data).validate()
    except PolicyMatchError as exc:
        return [RuleError(exc.code, exc.message)]
    if policy.valid_from and policy.valid_until and policy.valid_from > policy.valid_until:
        return [RuleError("R216", f"有效期起始日 {policy.valid_from} 晚于截止日 {policy.valid_until}")]
    if not policy.title:
        return [RuleError("R217", f"政策文件 {doc_path.name} 的文件头缺少 title")]
    return []
