"""stdin/stdout tests: the candidate's whole program reads stdin; its output is compared line by line."""

import pytest

from contracts.sandbox import SandboxRequest, Verdict

SUM_TESTS = [
    {"id": "small", "stdin": "2\n3 4\n", "expected_stdout": "7\n"},
    {"id": "trailing_space", "stdin": "3\n1 2 3\n", "expected_stdout": "6   \n\n"},
    {"id": "wrong", "stdin": "1\n5\n", "expected_stdout": "6\n"},
]
PROGRAMS = {
    "python": "import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\nprint(sum(map(int, data[1:1 + n])))\n",
    "javascript": "const data = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\n"
                  "console.log(data.slice(1, 1 + data[0]).reduce((a, b) => a + b, 0));\n",
    "cpp": "#include <bits/stdc++.h>\nint main() { long long n, x, s = 0; std::cin >> n;"
           " while (n--) { std::cin >> x; s += x; } std::cout << s << \"\\n\"; }\n",
    "go": "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar n, x, s int\n\tfmt.Scan(&n)\n"
          "\tfor i := 0; i < n; i++ {\n\t\tfmt.Scan(&x)\n\t\ts += x\n\t}\n\tfmt.Println(s)\n}\n",
    "java": "public class Main {\n  public static void main(String[] args) {\n    Scanner in = new Scanner(System.in);\n"
            "    int n = in.nextInt(); long s = 0;\n    for (int i = 0; i < n; i++) s += in.nextInt();\n"
            "    System.out.println(s);\n  }\n}\n",
}
SLOW = {"cpp", "go", "java"}


@pytest.mark.parametrize("language", [pytest.param(lang, marks=[pytest.mark.slow] if lang in SLOW else [])
                                      for lang in PROGRAMS])
async def test_program_output_is_compared_up_to_trailing_whitespace(judge_runner, language):
    result = await judge_runner.judge(SandboxRequest(language=language, source=PROGRAMS[language], tests=SUM_TESTS))
    assert [t.verdict for t in result.tests] == [Verdict.ACCEPTED, Verdict.ACCEPTED, Verdict.WRONG_ANSWER], result
    assert result.tests[2].actual == "5\n"


async def test_program_runtime_error_names_type_and_line(judge_runner):
    source = "import sys\n\nvalues = sys.stdin.read().split()\nprint(values[10])\n"
    result = await judge_runner.judge(SandboxRequest(language="python", source=source, tests=SUM_TESTS[:1]))
    error = result.tests[0].error
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert (error.type, error.line) == ("IndexError", 4)


async def test_program_syntax_error_is_a_compilation_error(judge_runner):
    result = await judge_runner.judge(SandboxRequest(language="python", source="print(1\n", tests=SUM_TESTS))
    assert result.verdict is Verdict.COMPILATION_ERROR
    assert "SyntaxError" in result.compile_output


async def test_program_limits_apply(judge_runner):
    tight = {"cpu_time_s": 1, "wall_time_s": 2, "output_kb": 16}
    looping = await judge_runner.judge(SandboxRequest(language="python", source="while True:\n    pass\n",
                                                      tests=SUM_TESTS[:1], limits=tight))
    chatty = await judge_runner.judge(SandboxRequest(language="python", source="while True:\n    print('x' * 100)\n",
                                                     tests=SUM_TESTS[:1], limits=tight))
    assert looping.verdict is Verdict.TIME_LIMIT_EXCEEDED
    assert chatty.verdict is Verdict.OUTPUT_LIMIT_EXCEEDED


async def test_function_and_program_tests_mix_in_one_request(judge_runner):
    source = "import sys\n\ndef double(x):\n    return 2 * x\n\nif __name__ == '__main__':\n" \
             "    print(double(int(sys.stdin.read())))\n"
    signature = {"name": "double", "params": [{"name": "x", "type": "int"}], "returns": "int"}
    tests = [{"id": "call", "input": {"x": 4}, "expected": 8}, {"id": "program", "stdin": "5", "expected_stdout": "10"}]
    result = await judge_runner.judge(SandboxRequest(language="python", source=source, signature=signature,
                                                     tests=tests))
    assert [t.verdict for t in result.tests] == [Verdict.ACCEPTED, Verdict.ACCEPTED], result
