"""The generator: reproducible, within the sizes the demo promises, and never copying the seeds."""
from __future__ import annotations

import re

from parkgov.demo.generator import CN_SMALL, fmt_value, generate_park
from parkgov.demo.names import AVOID, DEMO_PARKS, random_profile
from parkgov.demo.render import to_text


def test_same_seed_same_documents():
    a, b = generate_park(DEMO_PARKS[1]), generate_park(DEMO_PARKS[1])
    assert [to_text(d) for d in a.documents] == [to_text(d) for d in b.documents]
    assert a.duties == b.duties and a.projects == b.projects


def test_variation_changes_figures_not_shape():
    a, b = generate_park(DEMO_PARKS[0]), generate_park(DEMO_PARKS[0], variation=7)
    assert to_text(a.document("plan")) != to_text(b.document("plan"))
    assert {d.genre for d in a.documents} == {d.genre for d in b.documents}


def test_five_parks_have_the_promised_sizes(demo_parks):
    assert len({p.name for p in demo_parks}) == 5
    for park in demo_parks:
        assert 8 <= len(park.units) <= 15, park.name
        assert 4 <= len(park.leaders) <= 6, park.name
        assert 30 <= len(park.duties) <= 80, park.name
        assert 10 <= len(park.projects) <= 30, park.name
        assert {d.genre for d in park.documents} == {"plan", "action_plan", "project_table", "summary"}
        assert not {leader.name for leader in park.leaders} & AVOID
        units = set(park.units)
        assert all(set(d.departments) <= units for d in park.duties), park.name
        leaders = {leader.name for leader in park.leaders}
        assert all(set(d.leaders) <= leaders and d.leaders for d in park.duties), park.name


def test_every_figure_is_written_in_its_document(demo_parks):
    for park in demo_parks:
        for doc in park.documents:
            text = re.sub(r"\s", "", to_text(doc))
            for fig in doc.figures:
                if fig.value is not None:
                    written = fmt_value(fig.value, fig.unit)[0]
                    if written not in text and fig.value in CN_SMALL:
                        written = CN_SMALL[fig.value] + fig.unit
                    assert fig.unit in text, f"{doc.stem}: {fig.name} {fig.unit}"
                else:
                    written = fmt_value(abs(fig.yoy_pct), "%")[0] + "%"
                assert written in text, f"{doc.stem}: {fig.name} {written}"
                assert fig.name[:2] in text, f"{doc.stem}: {fig.name}"


def test_random_profiles_are_distinct_parks():
    import random

    rng = random.Random(3)
    profiles = [random_profile(rng, i) for i in range(20)]
    assert len({p.seed for p in profiles}) == 20
    park = generate_park(profiles[0])
    assert park.name in to_text(park.document("plan"))


def test_no_seed_sentence_is_copied(demo_parks, seeds_dir):
    generated = "".join(to_text(d) for park in demo_parks for d in park.documents)
    generated = re.sub(r"\s", "", generated)
    for seed in seeds_dir.glob("*.txt"):
        text = re.sub(r"\s|\*", "", seed.read_text(encoding="utf-8"))
        for clause in re.split(r"[。；！？，：、,;:\n（）()“”]", text):
            if len(clause) >= 14:
                assert clause not in generated, (seed.name, clause)
