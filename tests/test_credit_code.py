"""GB 32100-2015 credit code check character."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recommender.profiles.credit_code import (
    CREDIT_CODE_ALPHABET,
    check_credit_code,
    credit_code_check_char,
)

REAL_CODES = ["91110000802100433B", "914403001922038216"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code):
    assert check_credit_code(code) is None
    assert credit_code_check_char(code[:17]) == code[17]


def test_lower_case_and_spaces_are_accepted():
    assert check_credit_code(" 91110000802100433b ") is None


@pytest.mark.parametrize("position", range(18))
def test_changing_one_character_is_caught(position):
    code = REAL_CODES[0]
    for replacement in "0A":
        if code[position] == replacement:
            continue
        changed = code[:position] + replacement + code[position + 1 :]
        assert check_credit_code(changed) is not None


def test_reasons():
    assert check_credit_code("91110000802100433") == "长度不是18位"
    assert check_credit_code("91110000802100433BX") == "长度不是18位"
    assert check_credit_code("9111000080210043IB") == "含非法字符"
    assert check_credit_code("91110000802100433C") == "校验码错误，应为B"


def test_check_char_rejects_bad_input():
    with pytest.raises(ValueError):
        credit_code_check_char("9111000080210043")
    with pytest.raises(ValueError):
        credit_code_check_char("9111000080210043O")


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=17, max_size=17))
def test_generated_codes_validate_and_a_wrong_check_char_does_not(first17):
    check = credit_code_check_char(first17)
    assert check in CREDIT_CODE_ALPHABET
    assert check_credit_code(first17 + check) is None
    wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.index(check) + 1) % 31]
    assert check_credit_code(first17 + wrong) == f"校验码错误，应为{check}"
