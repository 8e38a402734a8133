"""One engine for every view: the (enterprise × item) verdict table, self-check and outreach."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cached_property, reduce

import numpy as np
import pandas as pd

from recommender.matching.catalog import Catalog
from recommender.matching.scoring import benefit_size, combine, favoured_condition
from recommender.matching.similarity import ItemSimilarity, enterprise_texts
from recommender.rules.engine import Engine
from recommender.rules.schema import Condition, Policy, SupportItem

__all__ = ["Matcher", "STATUS_NAMES", "STATUS_LABELS"]

STATUS_NAMES = {1: "eligible", 0: "unknown", -1: "ineligible"}
STATUS_LABELS = {1: "符合", 0: "待确认", -1: "不符合"}
# The batch CSV keeps the English verdict words its readers parse (CONTRACT.md section 3); views
# for staff and enterprises use the Chinese words alone.
_RESULT_WORDS = {
    True: {1: "符合(held)", 0: "待确认(unknown)", -1: "不符合(failed)"},
    False: STATUS_LABELS,
}


def _label(cond: Condition) -> str:
    from recommender.rules.trace import describe_condition

    text = cond.text or describe_condition(cond)
    return f"{text}【{cond.clause}】" if cond.clause else text


class Matcher:
    """Verdicts, scores and rankings of a catalogue over a derived enterprise frame."""

    def __init__(self, policies: Iterable[Policy], frame: pd.DataFrame, as_of: date) -> None:
        self.as_of = as_of
        self.catalog = Catalog.build(tuple(policies), as_of)
        self.frame = frame.reset_index(drop=True)
        self.engine = Engine(self.frame)
        self.similarity = ItemSimilarity(self.catalog.items, self.catalog.titles())
        self._rows = pd.Series(np.arange(len(self.frame)), index=self.frame["credit_code"])

    # --- per item, over every enterprise -------------------------------------------------
    def status(self, item: SupportItem) -> np.ndarray:
        """Status code per enterprise: 1 eligible, 0 unknown, -1 ineligible."""
        return self.engine.item_status(item)

    def unknown_count(self, item: SupportItem) -> np.ndarray:
        """Per enterprise, how many of the item's conditions are still unknown."""
        return self.engine.missing(item)

    @cached_property
    def _enterprise_matrix(self):
        texts = enterprise_texts(self.frame)
        uniques, inverse = np.unique(texts.to_numpy(dtype=str), return_inverse=True)
        matrix = self.similarity.vectorizer.transform(list(uniques))
        return matrix, inverse

    def similarity_column(self, item: SupportItem) -> np.ndarray:
        """TF-IDF cosine of every enterprise's text with the item."""
        if self.similarity.item_matrix is None or item.item_id not in self.similarity.item_ids:
            return np.zeros(len(self.frame))
        matrix, inverse = self._enterprise_matrix
        column = self.similarity.item_matrix[self.similarity.column(item.item_id)]
        return (matrix @ column.T).toarray().ravel()[inverse]

    def topical(self, item: SupportItem) -> np.ndarray:
        """1.0 where the enterprise's industry is one the item favours, else 0.0."""
        cond = favoured_condition(item)
        if cond is None:
            return np.zeros(len(self.frame))
        return (self.engine.condition(cond) == 1).astype(float)

    def scores(self, item: SupportItem, status: np.ndarray | None = None) -> np.ndarray:
        """The ranking score of :mod:`recommender.matching.scoring` for every enterprise."""
        status = self.status(item) if status is None else status
        n_conditions = max(len(item.conditions), 1)
        settled = 1.0 - self.unknown_count(item) / n_conditions
        return combine(
            status, self.similarity_column(item), self.topical(item), benefit_size(item), settled
        )

    def reasons(
        self, item: SupportItem, rows: np.ndarray | None = None, *, contract: bool = False
    ) -> np.ndarray:
        """Per enterprise (or per row in ``rows``), each condition as held / failed / unknown.

        ``contract`` adds the English verdict words of the batch CSV after the Chinese ones.
        """
        words = _RESULT_WORDS[contract]
        n = len(self.frame) if rows is None else len(rows)
        if not item.conditions:
            return np.full(n, "无限制条件", dtype=object)
        pieces = []
        for cond in item.conditions:
            result = self.engine.condition(cond)
            result = result if rows is None else result[rows]
            label = _label(cond)
            choices = np.array([words[-1], words[0], words[1]], dtype=object)
            pieces.append(choices[result + 1] + ("：" + label))
        return reduce(lambda a, b: a + "；" + b, pieces)

    # --- views ---------------------------------------------------------------------------
    def table(self, items: Iterable[SupportItem] | None = None) -> pd.DataFrame:
        """The batch result of CONTRACT.md section 3: one row per (enterprise, item)."""
        frames = []
        codes = self.frame["credit_code"].to_numpy()
        for item in self.catalog.items if items is None else items:
            status = self.status(item)
            frames.append(
                pd.DataFrame(
                    {
                        "credit_code": codes,
                        "policy_id": item.policy_id,
                        "item_id": item.item_id,
                        "status": pd.Series(status).map(STATUS_NAMES).to_numpy(),
                        "score": np.round(self.scores(item, status), 4),
                        "reasons": self.reasons(item, contract=True),
                    }
                )
            )
        columns = ["credit_code", "policy_id", "item_id", "status", "score", "reasons"]
        if not frames:
            return pd.DataFrame(columns=columns)
        out = pd.concat(frames, ignore_index=True)
        return out.sort_values(["credit_code", "score"], ascending=[True, False], kind="stable")

    def find(self, query: str, limit: int = 50) -> pd.DataFrame:
        """Enterprises whose name contains ``query`` or whose credit code starts with it."""
        query = query.strip()
        names = self.frame["name"].astype("string").fillna("")
        hits = names.str.contains(query, regex=False) | self.frame["credit_code"].str.startswith(
            query.upper()
        )
        return self.frame.loc[hits.to_numpy(dtype=bool), ["credit_code", "name"]].head(limit)

    def filter_options(self) -> dict[str, dict[str, str]]:
        """Regions and industry sections present in the registry, with Chinese names."""
        from recommender.profiles.industry import industry_name
        from recommender.profiles.regions import region_name

        regions = sorted(self.frame["region_code"].dropna().unique())
        sections = sorted(self.frame["industry_code"].dropna().str[:1].unique())
        return {
            "region": {r: f"{region_name(r) or ''}（{r}）" for r in regions},
            "section": {s: f"{s} {industry_name(s)}" for s in sections},
        }

    def row(self, credit_code: str) -> int:
        """Row of an enterprise in :attr:`frame` (KeyError if not in the registry)."""
        return int(self._rows[credit_code])

    def recommend(
        self, profile: int | pd.DataFrame, *, received: Iterable[str] = (), query: str = ""
    ) -> pd.DataFrame:
        """Items for one enterprise (a row of the registry or a one-row derived frame), ranked.

        Items the enterprise already holds (its qualifications) or has received are left out;
        a non-empty ``query`` keeps only items whose text shares words with it.
        """
        from recommender.matching.held import already_held

        if isinstance(profile, int):  # a registry row: reuse the registry's evaluated conditions
            engine, r = self.engine, profile
            one = self.frame.iloc[[profile]].reset_index(drop=True)
        else:
            one = profile.iloc[:1].reset_index(drop=True)
            engine, r = Engine(one), 0
        skip = set(received) | already_held(one.iloc[0], self.catalog.items)
        sims = self.similarity.scores(list(enterprise_texts(one)))[0]
        search = self.similarity.search(query) if query.strip() else None
        records = []
        for n, item in enumerate(self.catalog.items):
            if item.item_id in skip or (search is not None and item.item_id not in search.index):
                continue
            status = engine.item_status(item)[r : r + 1]
            unknown = engine.missing(item)[r : r + 1]
            favoured = favoured_condition(item)
            topical = (
                (engine.condition(favoured)[r : r + 1] == 1).astype(float)
                if favoured is not None
                else np.zeros(1)
            )
            settled = 1.0 - unknown / max(len(item.conditions), 1)
            score = combine(status, sims[n : n + 1], topical, benefit_size(item), settled)[0]
            policy = self.catalog.policy_of(item.item_id)
            code = int(status[0])
            records.append(
                {
                    "item_id": item.item_id,
                    "policy_id": item.policy_id,
                    "name": item.name,
                    "title": policy.title,
                    "kind": item.kind,
                    "status": STATUS_NAMES[code],
                    "status_label": STATUS_LABELS[code],
                    "score": round(float(score), 4),
                    "unknown": int(unknown[0]),
                    "benefit": "；".join(b.text for b in item.benefits),
                    "valid_until": policy.valid_until or "",
                    "reviewed": policy.reviewed,
                }
            )
        out = pd.DataFrame(records)
        if out.empty:
            return out
        return out.sort_values("score", ascending=False, kind="stable").reset_index(drop=True)
