"""Valid synthetic credit codes (GB 32100-2015) built column-wise from region and organisation ids."""

from __future__ import annotations

import numpy as np

from recommender.profiles.credit_code import CREDIT_CODE_ALPHABET, char_values, check_values

__all__ = ["ORG_SPACE", "credit_codes"]

ORG_SPACE = 10**8  # distinct organisation ids: 8 digits, or "MA" + 6 base-31 characters
_ORG_WEIGHTS = np.array([3, 7, 9, 10, 5, 8, 4, 2])  # GB 11714 organisation code check weights
_ALPHABET = np.frombuffer(CREDIT_CODE_ALPHABET.encode(), dtype=np.uint8)


def credit_codes(region: np.ndarray, org_int: np.ndarray, new_style: np.ndarray) -> np.ndarray:
    """Valid 18-character codes: 91, region, organisation code (GB 11714) and check character."""
    n = len(org_int)
    digits = (org_int[:, None] // 10 ** np.arange(7, -1, -1)) % 10 + ord("0")
    base31 = _ALPHABET[(org_int[:, None] // 31 ** np.arange(5, -1, -1)) % 31]
    ma = np.broadcast_to(np.frombuffer(b"MA", dtype=np.uint8), (n, 2))
    body = np.where(new_style[:, None], np.hstack([ma, base31]), digits).astype(np.uint8)
    values = np.where(body >= ord("A"), body - ord("A") + 10, body - ord("0"))
    org_check = (11 - (values @ _ORG_WEIGHTS) % 11) % 11
    org_char = np.where(org_check == 10, ord("X"), org_check + ord("0")).astype(np.uint8)
    head = np.broadcast_to(np.frombuffer(b"91", dtype=np.uint8), (n, 2))
    region_bytes = region.astype("S6").view(np.uint8).reshape(n, 6)
    first17 = np.hstack([head, region_bytes, body, org_char[:, None]])
    check = _ALPHABET[check_values(char_values(first17))]
    return np.hstack([first17, check[:, None]]).view("S18").ravel().astype(str)
