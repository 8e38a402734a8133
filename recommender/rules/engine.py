"""The rule engine: every condition evaluated once over the registry, kept as packed bit masks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from recommender.rules.evaluators import Columns, Evaluator, compile_condition
from recommender.rules.schema import Condition, SupportItem

__all__ = ["Engine", "STATUS_CODES"]

STATUS_CODES: dict[int, str] = {1: "eligible", 0: "unknown", -1: "ineligible"}

_BLOCK = 256  # condition slots per storage block


class _BitStore:
    """Packed held / failed bits of every evaluated condition, in fixed-size blocks."""

    def __init__(self, nbytes: int) -> None:
        self.nbytes = nbytes
        self.size = 0
        self._held: list[np.ndarray] = []
        self._failed: list[np.ndarray] = []

    def add(self, held: np.ndarray, failed: np.ndarray) -> int:
        block, offset = divmod(self.size, _BLOCK)
        if block == len(self._held):
            self._held.append(np.empty((_BLOCK, self.nbytes), np.uint8))
            self._failed.append(np.empty((_BLOCK, self.nbytes), np.uint8))
        self._held[block][offset] = held
        self._failed[block][offset] = failed
        self.size += 1
        return self.size - 1

    def held(self, slot: int) -> np.ndarray:
        return self._held[slot // _BLOCK][slot % _BLOCK]

    def failed(self, slot: int) -> np.ndarray:
        return self._failed[slot // _BLOCK][slot % _BLOCK]

    def at(self, slots: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Tri-state values of ``slots`` (first axis) at ``rows`` (second axis)."""
        byte = (rows >> 3)[None, :]
        shift = (7 - (rows & 7)).astype(np.uint8)[None, :]
        out = np.empty((len(slots), len(rows)), np.int8)
        blocks, offsets = np.divmod(slots, _BLOCK)
        for block in np.unique(blocks):
            sel = np.flatnonzero(blocks == block)
            index = (offsets[sel][:, None], byte)
            held = (self._held[block][index] >> shift) & 1
            failed = (self._failed[block][index] >> shift) & 1
            out[sel] = held.view(np.int8) - failed.view(np.int8)
        return out


def _walk(engine: Engine, conds: Sequence[Condition]) -> list[int]:
    out: list[int] = []
    for cond in conds:
        out.append(engine.slot(cond))
        out.extend(_walk(engine, cond.any_of))
    return out


class Engine:
    """Three-valued evaluation of support items over an enterprise frame (rows by position)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.n = len(frame)
        self.columns = Columns(frame)
        self._store = _BitStore((self.n + 7) // 8)
        self._slots: dict[tuple, int] = {}
        self._compiled: dict[tuple, Evaluator] = {}
        self._items: dict[int, tuple[SupportItem, np.ndarray]] = {}
        self._flat: dict[int, tuple[SupportItem, np.ndarray]] = {}
        self._plans: dict[tuple, tuple] = {}
        self._ones = np.packbits(np.ones(self.n, bool))
        self._zeros = np.zeros(self._store.nbytes, np.uint8)

    # --- compiling --------------------------------------------------------------------
    def prepare(self, items: Iterable[SupportItem]) -> None:
        """Validate and compile every condition of ``items``; malformed ones raise RuleError."""
        for item in items:
            self._item_slots(item)

    def _compile(self, cond: Condition) -> Evaluator:
        key = cond.key()
        if key not in self._compiled:
            self._compiled[key] = compile_condition(cond)
        return self._compiled[key]

    def _item_slots(self, item: SupportItem) -> np.ndarray:
        """Slots of the item's top-level conditions (compiled and evaluated on first use)."""
        entry = self._items.get(id(item))
        if entry is None or entry[0] is not item:
            for cond in item.conditions:
                self._compile(cond)
            slots = np.array([self.slot(c) for c in item.conditions], np.intp)
            entry = self._items[id(item)] = (item, slots)
        return entry[1]

    def flat_slots(self, item: SupportItem) -> np.ndarray:
        """Slots of the item's conditions and their any_of children, depth first."""
        entry = self._flat.get(id(item))
        if entry is None or entry[0] is not item:
            self._item_slots(item)
            entry = self._flat[id(item)] = (item, np.array(_walk(self, item.conditions), np.intp))
        return entry[1]

    def slot(self, cond: Condition) -> int:
        """The storage slot of a condition, evaluating it the first time its key is seen."""
        key = cond.key()
        found = self._slots.get(key)
        if found is not None:
            return found
        evaluate = self._compile(cond)
        if cond.op == "any_of":
            children = [self.slot(c) for c in cond.any_of]
            held = np.bitwise_or.reduce([self._store.held(s) for s in children])
            failed = np.bitwise_and.reduce([self._store.failed(s) for s in children])
        else:
            tri = evaluate(self.columns)
            held, failed = np.packbits(tri > 0), np.packbits(tri < 0)
        self._slots[key] = self._store.add(held, failed)
        return self._slots[key]

    # --- per condition and item -------------------------------------------------------
    def _unpack(self, held: np.ndarray, failed: np.ndarray) -> np.ndarray:
        h = np.unpackbits(held, count=self.n).view(np.int8)
        return h - np.unpackbits(failed, count=self.n).view(np.int8)

    def bits(self, cond: Condition) -> tuple[np.ndarray, np.ndarray]:
        """Packed (held, failed) bits of a condition (read-only views of the cache)."""
        slot = self.slot(cond)
        return self._store.held(slot), self._store.failed(slot)

    def condition(self, cond: Condition) -> np.ndarray:
        """Tri-state int8 per row: 1 held, 0 unknown, -1 failed (evaluated once per key)."""
        slot = self.slot(cond)
        return self._unpack(self._store.held(slot), self._store.failed(slot))

    def item_bits(self, item: SupportItem, skip: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Packed (all held, any failed) over the item's conditions, optionally skipping one."""
        held, failed = self._ones.copy(), self._zeros.copy()
        for i, slot in enumerate(self._item_slots(item)):
            if i != skip:
                np.bitwise_and(held, self._store.held(slot), out=held)
                np.bitwise_or(failed, self._store.failed(slot), out=failed)
        return held, failed

    def item_status(self, item: SupportItem) -> np.ndarray:
        """Per row: 1 eligible, 0 unknown, -1 ineligible (Kleene AND; assumed are held)."""
        return self._unpack(*self.item_bits(item))

    def missing(self, item: SupportItem) -> np.ndarray:
        """Per row, how many of the item's top-level conditions are unknown."""
        out = np.zeros(self.n, np.int16)
        for slot in self._item_slots(item):
            settled = np.bitwise_or(self._store.held(slot), self._store.failed(slot))
            out += np.unpackbits(np.invert(settled), count=self.n)
        return out

    # --- many items -------------------------------------------------------------------
    def statuses(
        self, items: Sequence[SupportItem], rows: Sequence[int] | np.ndarray | None = None
    ) -> np.ndarray:
        """Status matrix [rows, items] (every row unless ``rows`` picks some by position)."""
        self.prepare(items)
        if not items:
            return np.zeros((self.n if rows is None else len(rows), 0), np.int8)
        if rows is None:
            out = np.empty((self.n, len(items)), np.int8)
            for j, item in enumerate(items):
                out[:, j] = self.item_status(item)
            return out
        used, gathered, starts = self._plan(items)
        rows = np.asarray(rows, np.intp)
        tri = np.vstack([self._store.at(used, rows), np.ones((1, len(rows)), np.int8)])
        return np.minimum.reduceat(tri[gathered], starts, axis=0).T.copy()

    def _by_items(self, kind: str, items: Sequence[SupportItem], build):
        """A value derived from ``items`` (by identity), cached for the last few lists."""
        key = (kind, *map(id, items))
        entry = self._plans.get(key)
        if entry is None or not all(a is b for a, b in zip(entry[0], items, strict=True)):
            if len(self._plans) > 16:
                self._plans.clear()
            entry = self._plans[key] = (tuple(items), build())
        return entry[1]

    def _plan(self, items: Sequence[SupportItem]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Distinct slots of ``items`` and how to gather them into per-item segments."""

        def build() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            per_item = [self._item_slots(item) for item in items]
            used, inverse = np.unique(np.concatenate(per_item), return_inverse=True)
            # Each item's segment ends with the always-held row so empty items are eligible.
            lengths = np.array([len(s) for s in per_item], np.intp)
            gathered = np.insert(inverse, np.cumsum(lengths), len(used))
            starts = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]]).astype(np.intp)
            return used, gathered, starts

        return self._by_items("plan", items, build)

    def trace_slots(self, items: Sequence[SupportItem]) -> np.ndarray:
        """Slots of every item's conditions and nested children, items in order, depth first."""
        return self._by_items(
            "trace", items, lambda: np.concatenate([np.zeros(0, np.intp), *map(self.flat_slots, items)])
        )

    def slots_at(self, slots: np.ndarray, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """Tri-state values of condition ``slots`` (first axis) at ``rows`` (second axis)."""
        return self._store.at(np.asarray(slots, np.intp), np.asarray(rows, np.intp))

    def counts(self, items: Sequence[SupportItem]) -> pd.DataFrame:
        """The reach: item_id, eligible, unknown, ineligible (enterprises per state)."""
        self.prepare(items)
        eligible = np.empty(len(items), np.int64)
        ineligible = np.empty(len(items), np.int64)
        for j, item in enumerate(items):
            held, failed = self.item_bits(item)
            eligible[j] = np.bitwise_count(held).sum()
            ineligible[j] = np.bitwise_count(failed).sum()
        return pd.DataFrame(
            {
                "item_id": [item.item_id for item in items],
                "eligible": eligible,
                "unknown": self.n - eligible - ineligible,
                "ineligible": ineligible,
            }
        )
