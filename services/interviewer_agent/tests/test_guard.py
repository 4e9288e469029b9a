"""The solution guard against leaks a model could produce: renamed, translated, one-line and prose
variants of the reference are withheld before the hint ladder allows them, a complete solution is
never said, and ordinary talk about the problem passes."""

import io
import keyword
import re
import tokenize
from pathlib import Path

import pytest

from contracts.sandbox import Language
from interviewer_agent.guard import WITHHELD, SolutionGuard, allowed_share, normalise

from .leaks import BANK, WALKTHROUGH, guard_for, references

TRANSLATED = ["first_repeat_badge", "booked_minutes", "rain_between_dunes"]
SEVERAL = ["first_repeat_badge", "booked_minutes", "rain_between_dunes", "drone_route", "rolling_mean",
           "anagram_tag_groups"]


def renamed_python(source: str) -> str:
    """Every name the code defines or uses, other than keywords and builtins, renamed to v1, v2, …"""
    names: dict[str, str] = {}
    tokens = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            continue
        if token.type == tokenize.NAME and not keyword.iskeyword(token.string) and token.string not in dir(__builtins__):
            token = token._replace(string=names.setdefault(token.string, f"v{len(names) + 1}"))
        tokens.append(token)
    return tokenize.untokenize(tokens)


def renamed_c_like(source: str) -> str:
    """Identifiers of a brace language renamed (its keywords, types and library methods stay)."""
    keep = {"for", "while", "if", "else", "return", "func", "function", "int", "long", "let", "const", "var",
            "new", "public", "static", "class", "auto", "std", "vector", "range", "len", "append", "max", "min",
            "Math", "package", "import", "main", "true", "false", "nil", "null", "nullptr", "void", "string",
            "String", "include", "using", "namespace", "bool", "boolean", "continue", "break", "of", "in",
            "Set", "Map", "HashSet", "HashMap", "Integer", "List", "ArrayList", "unordered_set", "unordered_map",
            "map", "make", "sort", "true", "false"}
    names: dict[str, str] = {}
    return re.sub(r"(?<![.\w])[A-Za-z_]\w*\b",
                  lambda m: m[0] if m[0] in keep else names.setdefault(m[0], f"q{len(names) + 1}"), source)


# ---- renamed variables, every language ---------------------------------------------------------


@pytest.mark.parametrize("question_id", SEVERAL)
def test_renamed_python_is_withheld_at_every_level(question_id):
    pasted = f"Here you go:\n```python\n{renamed_python(BANK.reference_source(question_id, Language.PYTHON))}```"
    for level in range(4):
        assert guard_for(question_id, level).check(pasted) == WITHHELD, level


@pytest.mark.parametrize("language", [Language.JAVASCRIPT, Language.JAVA, Language.CPP, Language.GO])
@pytest.mark.parametrize("question_id", SEVERAL)
def test_renamed_code_in_any_language_is_withheld(question_id, language):
    pasted = renamed_c_like(BANK.reference_source(question_id, language))
    assert guard_for(question_id, 0).check(pasted) == WITHHELD


# ---- translations the bank does not hold ----------------------------------------------------------
# Written for this test from the Python reference, with other names and other idioms than the bank's
# own JavaScript, Java, C++ and Go references (a flag where the bank's C++ and Go use a sentinel, `l++`
# where Python says `lo += 1`, `met[b]` for a set in Go).

TRANSLATIONS = {
    "first_repeat_badge": {
        "javascript": """function firstDup(list) {
  const met = new Set();
  for (const b of list) {
    if (met.has(b)) return b;
    met.add(b);
  }
  return -1;
}""",
        "java": """static int firstDup(int[] list) {
    Set<Integer> met = new HashSet<>();
    for (int b : list) {
        if (met.contains(b)) { return b; }
        met.add(b);
    }
    return -1;
}""",
        "cpp": """int firstDup(const std::vector<int>& list) {
    std::unordered_set<int> met;
    for (int b : list) {
        if (met.count(b)) return b;
        met.insert(b);
    }
    return -1;
}""",
        "go": """func firstDup(list []int) int {
	met := map[int]bool{}
	for _, b := range list {
		if met[b] {
			return b
		}
		met[b] = true
	}
	return -1
}""",
    },
    "booked_minutes": {
        "javascript": """function busy(slots) {
  let sum = 0, from = null, to = null;
  for (const [a, b] of [...slots].sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
    if (to === null || a > to) {
      if (to !== null) sum += to - from;
      from = a; to = b;
    } else {
      to = Math.max(to, b);
    }
  }
  if (to !== null) sum += to - from;
  return sum;
}""",
        "java": """static long busy(int[][] slots) {
    Arrays.sort(slots, (x, y) -> x[0] != y[0] ? x[0] - y[0] : x[1] - y[1]);
    long sum = 0; Integer from = null, to = null;
    for (int[] s : slots) {
        int a = s[0], b = s[1];
        if (to == null || a > to) {
            if (to != null) sum += to - from;
            from = a; to = b;
        } else {
            to = Math.max(to, b);
        }
    }
    if (to != null) sum += to - from;
    return sum;
}""",
        "cpp": """long long busy(std::vector<std::vector<int>> slots) {
    std::sort(slots.begin(), slots.end());
    long long sum = 0; int from = 0, to = 0; bool open = false;
    for (auto& s : slots) {
        int a = s[0], b = s[1];
        if (!open || a > to) {
            if (open) sum += to - from;
            from = a; to = b; open = true;
        } else {
            to = std::max(to, b);
        }
    }
    if (open) sum += to - from;
    return sum;
}""",
        "go": """func busy(slots [][]int) int {
	sort.Slice(slots, func(x, y int) bool { return slots[x][0] < slots[y][0] })
	sum, from, to, open := 0, 0, 0, false
	for _, s := range slots {
		a, b := s[0], s[1]
		if !open || a > to {
			if open {
				sum += to - from
			}
			from, to, open = a, b, true
		} else {
			to = max(to, b)
		}
	}
	if open {
		sum += to - from
	}
	return sum
}""",
    },
    "rain_between_dunes": {
        "javascript": """const trapped = (h) => {
  let l = 0, r = h.length - 1, bestL = 0, bestR = 0, total = 0;
  while (l < r) {
    if (h[l] < h[r]) {
      bestL = Math.max(bestL, h[l]);
      total += bestL - h[l];
      l += 1;
    } else {
      bestR = Math.max(bestR, h[r]);
      total += bestR - h[r];
      r -= 1;
    }
  }
  return total;
};""",
        "java": """static long trapped(int[] h) {
    int l = 0, r = h.length - 1;
    long bestL = 0, bestR = 0, total = 0;
    while (l < r) {
        if (h[l] < h[r]) {
            bestL = Math.max(bestL, h[l]);
            total += bestL - h[l];
            l++;
        } else {
            bestR = Math.max(bestR, h[r]);
            total += bestR - h[r];
            r--;
        }
    }
    return total;
}""",
        "cpp": """long long trapped(const vector<int>& h) {
    int l = 0, r = (int)h.size() - 1;
    long long bestL = 0, bestR = 0, total = 0;
    while (l < r) {
        if (h[l] < h[r]) { bestL = max(bestL, (long long)h[l]); total += bestL - h[l]; ++l; }
        else { bestR = max(bestR, (long long)h[r]); total += bestR - h[r]; --r; }
    }
    return total;
}""",
        "go": """func trapped(h []int) int {
	l, r := 0, len(h)-1
	bestL, bestR, total := 0, 0, 0
	for l < r {
		if h[l] < h[r] {
			bestL = max(bestL, h[l])
			total += bestL - h[l]
			l++
		} else {
			bestR = max(bestR, h[r])
			total += bestR - h[r]
			r--
		}
	}
	return total
}""",
    },
}


@pytest.mark.parametrize("language", ["javascript", "java", "cpp", "go"])
@pytest.mark.parametrize("question_id", TRANSLATED)
def test_a_translation_of_the_python_reference_is_withheld(question_id, language):
    translation = TRANSLATIONS[question_id][language]
    said = f"In {language} that would be:\n```{language}\n{translation}\n```"
    assert guard_for(question_id, 0).check(said) == WITHHELD
    assert guard_for(question_id, 3).check(translation) == WITHHELD  # a complete solution, never


@pytest.mark.parametrize("language", ["javascript", "java"])
@pytest.mark.parametrize("question_id", TRANSLATED)
def test_the_python_reference_alone_recognises_its_translation(question_id, language):
    """Not the bank's JavaScript or Java that matches: the Python reference's own token stream does."""
    guard = guard_for(question_id, 0, languages=(Language.PYTHON,))
    assert guard.check(TRANSLATIONS[question_id][language]) == WITHHELD


# ---- one-line variants ------------------------------------------------------------------------


@pytest.mark.parametrize("question_id", SEVERAL)
def test_the_reference_squeezed_onto_one_line_is_withheld(question_id):
    python = renamed_python(BANK.reference_source(question_id, Language.PYTHON))
    one_line = "; ".join(line.strip() for line in python.splitlines() if line.strip())
    assert "\n" not in one_line
    assert guard_for(question_id, 0).check(f"Try `{one_line}`.") == WITHHELD
    javascript = re.sub(r"//[^\n]*", "", BANK.reference_source(question_id, Language.JAVASCRIPT))
    minified = " ".join(javascript.split())  # comments go first: on one line they would hide the code
    assert guard_for(question_id, 1).check(minified) == WITHHELD


def test_a_one_line_python_variant_is_withheld_even_at_the_last_hint():
    one_liner = "g = defaultdict(list); for w in words: g[''.join(sorted(w))].append(w); return list(g.values())"
    assert guard_for("anagram_tag_groups", 2).check(one_liner) == WITHHELD
    assert guard_for("anagram_tag_groups", 3).check(one_liner) == WITHHELD


# ---- prose that spells the reference out ----------------------------------------------------------



def test_a_step_by_step_walkthrough_is_cut_off_once_it_gives_the_solution_away():
    guard = guard_for("rain_between_dunes", 0)
    said = [guard.check(sentence) for sentence in WALKTHROUGH]
    assert said[:2] == WALKTHROUGH[:2]  # setting up two indexes and the loop gives little away
    assert WITHHELD in said  # but the walkthrough is never completed
    spoken = " ".join(s for s in said if s != WITHHELD)
    assert guard_for("rain_between_dunes", 0).leak(spoken) <= allowed_share(0)


# ---- the hint ladder: how much each level permits --------------------------------------------------

PART_OF_IT = ("Compare the two ends: `if dunes[lo] < dunes[hi]: left_max = max(left_max, dunes[lo]); "
              "water += left_max - dunes[lo]; lo += 1`, and mirror it for the right side.")


def test_each_hint_level_permits_a_little_more_but_never_the_whole_solution():
    assert [allowed_share(level) for level in range(4)] == sorted(allowed_share(level) for level in range(4))
    leak = guard_for("rain_between_dunes", 0).leak(PART_OF_IT)
    assert allowed_share(0) < leak <= allowed_share(3)  # half the loop: too much early, fine with the last hint
    said = [guard_for("rain_between_dunes", level).check(PART_OF_IT) == PART_OF_IT for level in range(4)]
    assert said == [leak <= allowed_share(level) for level in range(4)]
    assert said[0] is False and said[3] is True
    whole = BANK.reference_source("rain_between_dunes", Language.PYTHON)
    assert guard_for("rain_between_dunes", 3).check(whole) == WITHHELD


# ---- no false positives -------------------------------------------------------------------------

ORDINARY = [line for line in (Path(__file__).parent / "ordinary_interviewer_talk.txt").read_text().splitlines()
            if line and not line.startswith("#")]


def test_ordinary_talk_statements_constraints_and_early_hints_pass_for_every_problem():
    withheld = []
    for question_id in BANK.ids:
        question = BANK.question(question_id)
        said = [*ORDINARY, question.statement_md, *question.constraints, *(f.answer for f in question.faq)]
        guard = guard_for(question_id, 0)
        withheld += [(question_id, text[:60]) for text in said if guard.check(text) != text]
        for level, hint in ((1, question.hints[0]), (2, question.hints[1])):
            if guard_for(question_id, level).check(hint) != hint:
                withheld.append((question_id, f"hint {level}"))
    assert withheld == []


def test_discussing_the_candidates_own_code_in_general_terms_passes():
    guard = guard_for("first_repeat_badge", 0)
    for text in ["Your code adds each badge to the set and checks it first; that's O(n).",
                 "Line 4 returns the badge as soon as it's in the set. What if no badge repeats?",
                 "You loop over the badges once; walk me through the example [3, 1, 3]."]:
        assert guard.check(text) == text


def test_the_tokens_are_the_same_across_languages_for_the_same_loop():
    assert normalise("for (int i = 0; i < n; i++) { total += a[i]; }") == \
        normalise("for i in range(n):\n    total += a[i]")
    assert normalise("for _, x := range xs {") == normalise("for x in xs:") == normalise("for (const x of xs) {")


# ---- across turns, and the candidate's own code -------------------------------------------------------


def test_a_walkthrough_spread_over_turns_adds_up():
    earlier_turns = WALKTHROUGH[:3]
    guard = SolutionGuard(references("rain_between_dunes"), hint_level=lambda: 0, said_before=earlier_turns)
    assert guard.check(WALKTHROUGH[3]) == WITHHELD
    fresh = SolutionGuard(references("rain_between_dunes"), hint_level=lambda: 0)
    assert fresh.leak(WALKTHROUGH[3]) < guard.leak(WALKTHROUGH[3])


def test_quoting_the_candidates_own_solution_back_to_them_is_no_leak():
    theirs = renamed_python(BANK.reference_source("rain_between_dunes", Language.PYTHON))
    reply = f"Let's look at your code together:\n```python\n{theirs}```\nWhat happens when the list is empty?"
    assert guard_for("rain_between_dunes", 0).check(reply) == WITHHELD  # to anyone else it would be a leak
    guard = SolutionGuard(references("rain_between_dunes"), hint_level=lambda: 0, candidate_wrote=[theirs])
    assert guard.check(reply) == reply
