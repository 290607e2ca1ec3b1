"""The figures grammar never raises, whatever the input."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parkgov.extract.figures import find_growths, find_quantities, parse_number

ALPHABET = st.sampled_from(list("0123456789.,-~%‰余多以上下内左右约过突破超不低于控制在万亿千百十"
                                "零一二两三四五六七八九元个家人次项亩米吨同比增长下降分之 \t\n，。０９％"))
TEXTS = st.one_of(st.text(), st.text(alphabet=ALPHABET, max_size=60))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_never_raises(text):
    for q in find_quantities(text):
        assert 0 <= q.start <= q.num_start < q.end <= len(text)
        assert q.unit
    for g in find_growths(text):
        assert 0 <= g.start < g.end <= len(text)
    value = parse_number(text)
    assert value is None or isinstance(value, float)
