"""Policy documents from .txt/.md (front matter, UTF-8 or GBK), .docx and text-layer .pdf."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from recommender.errors import DocumentError
from recommender.text.wrapped_lines import joined_lines

__all__ = [
    "DOCUMENT_SUFFIXES",
    "Document",
    "Card",
    "load_document",
    "iter_documents",
    "document_paths",
    "decode_text",
    "split_front_matter",
    "clean_pdf_pages",
    "split_policy_cards",
]

DOCUMENT_SUFFIXES: tuple[str, ...] = (".md", ".txt", ".docx", ".pdf")

# Lines that are only a page number: "第 3 页", "第3页 共10页", "- 3 -", "— 3 —", "3", "IV", "3/10".
_PAGE_NUMBER = re.compile(
    r"^(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|[-—–－]\s*\d+\s*[-—–－]|\d{1,4}(?:\s*/\s*\d{1,4})?"
    r"|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})|共\s*\d+\s*页\s*第\s*\d+\s*页)$",
    re.IGNORECASE,
)
# Beijing guide cards: "12. 北京市..." on its own line, the 依据文件 field at most five lines on.
_CARD_TITLE = re.compile(r"^(\d{1,3})\.\s*(\S.*)$")


@dataclass(frozen=True)
class Document:
    """One policy document: its id (the file stem), body text, front-matter metadata and path."""

    policy_id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None


class Card(NamedTuple):
    """One policy card of the Beijing industry policy guide."""

    number: int
    title: str
    text: str


def decode_text(data: bytes, name: str = "") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with a BOM (Notepad's "Unicode") or GBK/GB18030 bytes;
    anything else is a DocumentError."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = ""
        if _readable(text):
            return text
        raise _undecodable(name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _undecodable(name)


def _undecodable(name: str) -> DocumentError:
    return DocumentError("D101", f"{name}：无法识别文件编码（应为 UTF-8、UTF-16 或 GBK/GB18030）")


_READABLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\s“”‘’、。·…—]")


def _readable(text: str) -> bool:
    """Whether decoded text reads as Chinese or ASCII prose (bytes that merely start like a UTF-16 BOM do not)."""
    return bool(text) and len(_READABLE.findall(text)) >= 0.9 * len(text)


def _plain(value: Any) -> Any:
    """Front-matter values as plain data: dates become ISO strings, codes stay strings."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def split_front_matter(text: str, name: str = "") -> tuple[dict[str, Any], str]:
    """Split YAML front matter between ``---`` lines from the body; bad YAML is a DocumentError."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise DocumentError("D102", f"{name}：文件头（front matter）缺少结束行“---”")
    try:
        meta = yaml.safe_load("".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 2}行" if mark is not None else "文件头"
        raise DocumentError("D103", f"{name}：{where}的文件头 YAML 格式错误") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DocumentError("D104", f"{name}：文件头必须是“键: 值”形式的 YAML 映射")
    meta = {str(k): _plain(v) for k, v in meta.items()}
    if isinstance(meta.get("region_code"), int):
        meta["region_code"] = str(meta["region_code"])
    return meta, "".join(lines[end + 1 :]).lstrip("\n")


# A paragraph's run content as Word shows it with every tracked change accepted: runs inside insertions, links,
# content controls and simple fields count; deleted runs (w:del, w:moveFrom) and text boxes do not.
_RUN_CONTENT = " | ".join(
    f"./{path}w:r/*[self::w:t or self::w:tab or self::w:br or self::w:cr]"
    for path in ("", "w:ins/", "w:moveTo/", "w:hyperlink/", "w:hyperlink/w:ins/", "w:ins/w:hyperlink/", "w:smartTag/",
                 "w:fldSimple/", "w:sdt/w:sdtContent/", "w:sdt/w:sdtContent/w:ins/", "w:customXml/")
)


def _paragraph_text(paragraph: Any) -> str:
    """The text of a Word paragraph with its tracked changes accepted (python-docx's ``text`` drops insertions)."""
    parts = []
    for node in paragraph._p.xpath(_RUN_CONTENT):
        tag = node.tag.rsplit("}", 1)[-1]
        parts.append(node.text or "" if tag == "t" else "\t" if tag == "tab" else "\n")
    return "".join(parts)


def _read_docx(path: Path) -> str:
    """Paragraphs and table rows of a .docx in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from recommender.text.word_numbering import ListNumbers

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types on bad archives
        raise DocumentError("D105", f"{path.name}：无法读取 Word 文档") from exc
    numbers = ListNumbers(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):  # with the number Word draws before a list paragraph (1. / （一）)
            lines.append(numbers.prefix(block) + _paragraph_text(block))
        elif isinstance(block, Table):  # as a Markdown table, which the structure reader knows
            for n, row in enumerate(block.rows):
                cells: list[str] = []
                for cell in row.cells:  # merged cells repeat: keep each text once per row
                    text = " ".join(" ".join(map(_paragraph_text, cell.paragraphs)).split()).replace("|", "｜")
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                lines.append("| " + " | ".join(cells) + " |")
                if n == 0:
                    lines.append("|" + "---|" * len(cells))
    return "\n".join(lines)


def _page_furniture(pages: list[list[str]]) -> set[str]:
    """Header and footer lines: the first/last lines repeated (digits aside) on most pages."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = {re.sub(r"\d+", "#", ln) for ln in lines[:2] + lines[-2:]}
        counts.update(edge)
    return {key for key, n in counts.items() if n >= max(3, len(pages) * 0.5)}


def clean_pdf_pages(pages: list[str]) -> str:
    """Strip page headers, footers and numbers from extracted page texts and re-join broken lines."""
    split = [[ln.strip() for ln in page.splitlines() if ln.strip()] for page in pages]
    furniture = _page_furniture(split)
    kept: list[str] = []
    for lines in split:
        for n, line in enumerate(lines):
            at_edge = n < 2 or n >= len(lines) - 2
            if _PAGE_NUMBER.match(line) or (at_edge and re.sub(r"\d+", "#", line) in furniture):
                continue
            kept.append(line)
    return "\n".join(joined_lines(kept))


def _read_pdf(path: Path) -> str:
    """Text layer of a PDF without page furniture."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except (PyPdfError, ValueError, KeyError) as exc:
        raise DocumentError("D106", f"{path.name}：无法读取 PDF 文件") from exc
    text = clean_pdf_pages(pages)
    if not text.strip():
        raise DocumentError("D107", f"{path.name}：PDF 没有文字层（可能是扫描件），请先做文字识别")
    return text


def load_document(path: str | Path) -> Document:
    """Read one policy document; the file stem is the policy id."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise DocumentError("D100", f"{path.name}：不支持的文件类型（支持 .md、.txt、.docx、.pdf）")
    if suffix == ".docx":
        raw = _read_docx(path)
    elif suffix == ".pdf":
        raw = _read_pdf(path)
    else:
        raw = decode_text(path.read_bytes(), path.name)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = split_front_matter(raw, path.name)
    return Document(policy_id=path.stem, text=body, meta=meta, path=path)


def document_paths(folder: str | Path) -> list[Path]:
    """Policy documents directly inside ``folder`` (not sub-folders), sorted by name."""
    return sorted(
        p
        for p in Path(folder).iterdir()
        if p.is_file()
        and p.suffix.lower() in DOCUMENT_SUFFIXES
        and not p.name.startswith((".", "~$"))
        and p.stem.upper() != "README"
    )


def iter_documents(folder: str | Path) -> Iterator[Document]:
    """Load every policy document directly inside ``folder``."""
    for path in document_paths(folder):
        yield load_document(path)


def split_policy_cards(text: str) -> list[Card]:
    """Split the Beijing policy guide's text into its cards (a numbered title, then 依据文件)."""
    lines = text.splitlines()
    starts: list[tuple[int, int, str]] = []
    for n, line in enumerate(lines):
        match = _CARD_TITLE.match(line.strip())
        if match and "..." not in line and "…" not in line:
            ahead = "\n".join(lines[n + 1 : n + 6])
            if "依据文件" in ahead:
                starts.append((n, int(match.group(1)), match.group(2).strip()))
    cards: list[Card] = []
    for k, (n, number, title) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        body = "\n".join(ln for ln in lines[n:end] if not _PAGE_NUMBER.match(ln.strip()))
        cards.append(Card(number, title, body.strip()))
    return cards
