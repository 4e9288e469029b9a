import pytest
from contracts.questions import MIN_HIDDEN_TESTS
from contracts.sandbox import Language

from question_bank.bank import REFERENCE_FILES, ProblemError, QuestionBank, load_problem


def test_every_shipped_problem_loads_with_all_languages(bank):
    assert len(bank) >= 2
    for problem_id in bank.ids:
        q = bank.question(problem_id)
        assert set(q.starter_code) == set(Language)
        for language in Language:
            assert bank.reference_source(problem_id, language).strip()
        assert len(q.hidden_tests) + len(q.generated_tests) >= MIN_HIDDEN_TESTS
        assert all(t.hidden for t in q.hidden_tests)
        assert not any(t.hidden for t in q.sample_tests)


def test_shipped_copy_loads(problem_copy):
    directory, _ = problem_copy
    assert load_problem(directory).id == directory.name


def test_broken_yaml_names_the_file(problem_copy):
    directory, _ = problem_copy
    (directory / "problem.yaml").write_text("id: [unclosed\n")
    with pytest.raises(ProblemError, match=r"problem\.yaml: not valid YAML"):
        load_problem(directory)


def test_missing_reference_language_is_named(problem_copy):
    directory, _ = problem_copy
    (directory / REFERENCE_FILES[Language.GO]).unlink()
    with pytest.raises(ProblemError, match=r"reference\.go: reference solution for go missing"):
        load_problem(directory)


def test_missing_starter_language_names_the_field(problem_copy):
    directory, edit = problem_copy
    edit(lambda raw: raw["starter_code"].pop("java"))
    with pytest.raises(ProblemError, match=r"field starter_code: .*starter code missing for: java"):
        load_problem(directory)


def test_too_few_hidden_tests(problem_copy):
    directory, edit = problem_copy

    def keep_few(raw):
        raw["hidden_tests"] = raw["hidden_tests"][:5]

    edit(keep_few)
    with pytest.raises(ProblemError, match=r"hidden tests, need at least 15"):
        load_problem(directory)


def test_missing_required_field_is_named(problem_copy):
    directory, edit = problem_copy
    edit(lambda raw: raw.pop("hints"))
    with pytest.raises(ProblemError, match=r"problem\.yaml: field hints: Field required"):
        load_problem(directory)


def test_wrong_number_of_hints(problem_copy):
    directory, edit = problem_copy
    edit(lambda raw: raw["hints"].pop())
    with pytest.raises(ProblemError, match=r"field hints:"):
        load_problem(directory)


def test_unknown_field_is_rejected(problem_copy):
    directory, edit = problem_copy
    edit(lambda raw: raw.update(solution_md="spoiler"))
    with pytest.raises(ProblemError, match=r"field solution_md: Extra inputs are not permitted"):
        load_problem(directory)


def test_test_input_must_match_signature(problem_copy):
    directory, edit = problem_copy
    edit(lambda raw: raw["hidden_tests"][0]["input"].pop("budget"))
    with pytest.raises(ProblemError, match=r"hidden_tests\.two_items\.input"):
        load_problem(directory)


def test_id_must_match_folder(problem_copy):
    directory, edit = problem_copy
    edit(lambda raw: raw.update(id="other_name"))
    with pytest.raises(ProblemError, match=r"must equal the folder name"):
        load_problem(directory)


def test_missing_generator_function_is_named(problem_copy):
    directory, edit = problem_copy
    edit(lambda raw: raw["generated_tests"][0].update(generator="does_not_exist"))
    with pytest.raises(ProblemError, match=r"generators\.py: function 'does_not_exist'"):
        load_problem(directory)


def test_missing_naive_needs_a_reason(problem_copy):
    directory, edit = problem_copy
    (directory / "naive.py").unlink()
    with pytest.raises(ProblemError, match=r"naive\.py: missing"):
        load_problem(directory)
    edit(lambda raw: raw.update(naive_none_reason="already linear"))
    assert load_problem(directory).question.naive_none_reason == "already linear"


def test_duplicate_test_ids_are_rejected(problem_copy):
    directory, edit = problem_copy
    edit(lambda raw: raw["hidden_tests"][1].update(id=raw["hidden_tests"][0]["id"]))
    with pytest.raises(ProblemError, match=r"duplicate test ids: two_items"):
        load_problem(directory)


def test_a_broken_problem_stops_the_whole_bank(problem_copy):
    directory, _ = problem_copy
    (directory / "reference.java").unlink()
    with pytest.raises(ProblemError, match="reference.java"):
        QuestionBank(directory.parent)
