"""archive: every coalition's latest round from a folder of answers files, bad files reported."""

from __future__ import annotations

import yaml

from builders import answers_document, highest, lowest
from stimulering.sources.archive import answers_paths, scan


def write(path, values, **extra):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(answers_document(values, **extra), allow_unicode=True),
                    encoding="utf-8")
    return path


def partner(organisation, role="gemeente", level="tactisch"):
    return {"organisation": organisation, "role": role, "level": level}


def test_folders_are_walked_for_yaml_files_in_order_and_files_are_taken_as_given(tmp_path):
    for name in ["b/2.yml", "b/1.yaml", "a.yaml", "notes.txt", "c/d/3.YAML.bak"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    given = tmp_path / "notes.txt"
    found = [path.relative_to(tmp_path).as_posix()
             for path in answers_paths([tmp_path, given])]
    assert found == ["a.yaml", "b/1.yaml", "b/2.yml", "notes.txt"]


def test_each_coalition_is_its_latest_round_combined(engine, tmp_path):
    high, low = highest(engine), lowest(engine)
    write(tmp_path / "kanaalstad/2026-05.yaml", low, coalition="Kanaalstad", date="2026-05-04",
          respondent=partner("Gemeente Kanaalstad"))
    # The latest round has a partner at each level, so every question is asked of someone.
    write(tmp_path / "kanaalstad/2026-11-a.yaml", high, coalition="Kanaalstad",
          date="2026-11-02", respondent=partner("Gemeente Kanaalstad", level="strategisch"))
    write(tmp_path / "kanaalstad/2026-11-b.yaml", high, coalition="kanaalstad ",
          date="2026-11-05", respondent=partner("Stroomnet", "netbeheerder"))
    write(tmp_path / "kanaalstad/2026-11-c.yaml", high, coalition="Kanaalstad",
          date="2026-11-04", respondent=partner("Bronwater", "drinkwaterbedrijf",
                                                "operationeel"))
    write(tmp_path / "beekstad/2026-10.yaml", low, coalition="Beekstad", date="2026-10-01",
          respondent=partner("Waterschap Beek", "waterschap"))
    result = scan([tmp_path], engine.scorer)
    assert result.files == 5 and result.problems == ()
    assert [(row.coalition, row.date.isoformat(), row.respondents, row.agreed)
            for row in result.rows] == [("Beekstad", "2026-10-01", 1, False),
                                        ("Kanaalstad", "2026-11-05", 3, False)]
    beekstad, kanaalstad = result.rows
    assert kanaalstad.assessment.phase == engine.evaluate_file(
        tmp_path / "kanaalstad/2026-11-a.yaml").assessment.phase == 6
    assert beekstad.assessment.phase == engine.evaluate_file(
        tmp_path / "beekstad/2026-10.yaml").assessment.phase


def test_an_agreed_coalition_file_is_the_rounds_result(engine, tmp_path):
    write(tmp_path / "a.yaml", lowest(engine), coalition="Kanaalstad", date="2026-11-02",
          respondent=partner("Gemeente Kanaalstad"))
    write(tmp_path / "b.yaml", lowest(engine), coalition="Kanaalstad", date="2026-11-03",
          respondent=partner("Stroomnet", "netbeheerder"))
    write(tmp_path / "coalitie.yaml", highest(engine), coalition="Kanaalstad", date="2026-11-09",
          respondent=partner("Coalitie Kanaalstad", "coalitie"))
    (row,) = scan([tmp_path], engine.scorer).rows
    assert (row.respondents, row.agreed, row.assessment.phase) == (2, True, 6)


def test_a_file_that_cannot_be_read_is_skipped_and_named(engine, tmp_path):
    write(tmp_path / "goed.yaml", highest(engine), coalition="Kanaalstad")
    (tmp_path / "kapot.yaml").write_text("coalition: [\n", encoding="utf-8")
    wrong = dict(highest(engine), vast_overleg="misschien")
    write(tmp_path / "fout.yaml", wrong, coalition="Beekstad")
    result = scan([tmp_path], engine.scorer)
    assert result.files == 1
    assert [row.coalition for row in result.rows] == ["Kanaalstad"]
    named = sorted({str(problem.file) for problem in result.problems})
    assert named == [str(tmp_path / "fout.yaml"), str(tmp_path / "kapot.yaml")]
