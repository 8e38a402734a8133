"""Unified social credit code check character (GB 32100-2015)."""

from __future__ import annotations

import numpy as np

__all__ = [
    "CREDIT_CODE_ALPHABET",
    "credit_code_check_char",
    "check_credit_code",
    "char_values",
    "check_values",
]

# The 31 characters of the code, in value order (I, O, S, V and Z are never used).
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(CREDIT_CODE_ALPHABET)}
_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_WEIGHT_VECTOR = np.array(_WEIGHTS, dtype=np.int64)
_BYTE_VALUES = np.full(256, -1, dtype=np.int64)
_BYTE_VALUES[np.frombuffer(CREDIT_CODE_ALPHABET.encode(), dtype=np.uint8)] = np.arange(31)


def char_values(codes: np.ndarray) -> np.ndarray:
    """Character values of ASCII code bytes (an (n, k) uint8 matrix); -1 for illegal characters."""
    return _BYTE_VALUES[codes]


def check_values(first17: np.ndarray) -> np.ndarray:
    """Check-character values for an (n, 17) matrix of character values (vectorised)."""
    return (31 - (first17 @ _WEIGHT_VECTOR) % 31) % 31


def credit_code_check_char(first17: str) -> str:
    """The 18th (check) character for the first 17 characters of a credit code."""
    first17 = first17.upper()
    if len(first17) != 17 or any(ch not in _VALUE for ch in first17):
        raise ValueError(f"not 17 credit-code characters: {first17!r}")
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def check_credit_code(code: str) -> str | None:
    """None if ``code`` is a valid credit code, else a Chinese reason."""
    code = code.strip().upper()
    if len(code) != 18:
        return "长度不是18位"
    if any(ch not in _VALUE for ch in code):
        return "含非法字符"
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        return f"校验码错误，应为{expected}"
    return None
