"""TF-IDF similarity between enterprise texts and support items over jieba tokens."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from recommender.rules.schema import SupportItem

__all__ = ["tokenize", "make_vectorizer", "item_text", "enterprise_texts", "ItemSimilarity"]

_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
# Words every policy uses; they carry no topic.
_STOP = frozenset(
    "企业 单位 符合 条件 给予 支持 申请 申报 相关 按照 有关 规定 开展 进行 实施 对于 以及 其中 "
    "不超过 以上 以下 万元 比例 最高 每家 每户 年度 本县 本市 本区 政策 项目 工作 情况".split()
)


def tokenize(text: str) -> list[str]:
    """Jieba search-mode tokens (words and their sub-words) without punctuation and stop words."""
    import jieba

    from recommender.text.pipeline import load_userdict

    load_userdict()
    return [
        tok
        for tok in jieba.lcut_for_search(text)
        if len(tok) > 1 and _WORD.search(tok) and tok not in _STOP
    ]


def make_vectorizer() -> TfidfVectorizer:
    """An unfitted TF-IDF vectoriser over :func:`tokenize` (scikit-learn estimator contract)."""
    return TfidfVectorizer(
        tokenizer=tokenize, token_pattern=None, lowercase=False, sublinear_tf=True, min_df=1
    )


def item_text(item: SupportItem, title: str = "") -> str:
    """The words that say what an item is about: title, name, source text and benefits."""
    parts = [title, item.name, item.text, *(b.text for b in item.benefits)]
    return "。".join(p for p in parts if p)


def enterprise_texts(frame: pd.DataFrame) -> pd.Series:
    """Per enterprise: business scope, industry name and qualifications as one text."""
    from recommender.profiles.industry import industry_name

    codes = frame["industry_code"].astype("string")
    names = {c: _safe_industry_name(industry_name, c) for c in codes.dropna().unique()}
    parts = [
        frame["scope"].astype("string").fillna("") if "scope" in frame else "",
        codes.map(names).astype("string").fillna(""),
        frame["qualifications"].astype("string").fillna("").str.replace(";", "，")
        if "qualifications" in frame
        else "",
    ]
    return (parts[0] + "。" + parts[1] + "。" + parts[2]).astype(str)


def _safe_industry_name(lookup, code: str) -> str:
    try:
        return lookup(code)
    except Exception:  # an unlisted code has no name to add; the scope still counts
        return ""


class ItemSimilarity:
    """Fitted on the catalogue's items; scores enterprise texts against each item."""

    def __init__(self, items: Sequence[SupportItem], titles: Iterable[str] = ()) -> None:
        titles = list(titles) or [""] * len(items)
        self.item_ids = [i.item_id for i in items]
        self.vectorizer = make_vectorizer()
        docs = [item_text(i, t) for i, t in zip(items, titles, strict=True)]
        self.item_matrix = self.vectorizer.fit_transform(docs) if docs else None
        self._index = {item_id: n for n, item_id in enumerate(self.item_ids)}

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Cosine similarity, shape (len(texts), n_items), in [0, 1]."""
        if self.item_matrix is None or len(texts) == 0:
            return np.zeros((len(texts), len(self.item_ids)))
        matrix = self.vectorizer.transform(list(texts))
        return (matrix @ self.item_matrix.T).toarray()

    def column(self, item_id: str) -> int:
        """Column of ``item_id`` in :meth:`scores`."""
        return self._index[item_id]

    def search(self, query: str) -> pd.Series:
        """Items ranked by similarity to a free-text query (only those with any overlap)."""
        if self.item_matrix is None or not query.strip():
            return pd.Series(dtype=float)
        sims = (self.vectorizer.transform([query]) @ self.item_matrix.T).toarray()[0]
        ranked = pd.Series(sims, index=self.item_ids).sort_values(ascending=False)
        return ranked[ranked > 0]
