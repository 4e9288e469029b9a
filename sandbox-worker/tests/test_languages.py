"""Each language's harness: calling conventions, verdicts, error lines, design (class) problems."""

import asyncio

import pytest

from contracts.sandbox import SandboxRequest, Verdict

TWO_SUM = {"name": "two_sum", "params": [{"name": "nums", "type": "int[]"}, {"name": "target", "type": "int"}],
           "returns": "int[]"}
TESTS = [
    {"id": "t1", "input": {"nums": [2, 7, 11, 15], "target": 9}, "expected": [0, 1]},
    {"id": "t2", "input": {"nums": [3, 2, 4], "target": 6}, "expected": [2, 1], "compare": "unordered"},
    {"id": "t3", "input": {"nums": [3, 3], "target": 6}, "expected": [9, 9]},  # wrong on purpose
]
SOLUTIONS = {
    "python": "def two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n"
              "        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i\n",
    "javascript": "function twoSum(nums, target) {\n  const seen = new Map();\n  for (let i = 0; i < nums.length; i++) {\n"
                  "    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n"
                  "    seen.set(nums[i], i);\n  }\n}\n",
    "go": "package main\n\nfunc twoSum(nums []int, target int) []int {\n\tseen := map[int]int{}\n"
          "\tfor i, n := range nums {\n\t\tif j, ok := seen[target-n]; ok {\n\t\t\treturn []int{j, i}\n\t\t}\n"
          "\t\tseen[n] = i\n\t}\n\treturn nil\n}\n",
    "cpp": "vector<int> twoSum(vector<int>& nums, int target) {\n  unordered_map<int,int> seen;\n"
           "  for (int i = 0; i < (int)nums.size(); i++) {\n    auto it = seen.find(target - nums[i]);\n"
           "    if (it != seen.end()) return {it->second, i};\n    seen[nums[i]] = i;\n  }\n  return {};\n}\n",
    "java": "class Solution {\n  public int[] twoSum(int[] nums, int target) {\n    Map<Integer, Integer> seen = new HashMap<>();\n"
            "    for (int i = 0; i < nums.length; i++) {\n      Integer j = seen.get(target - nums[i]);\n"
            "      if (j != null) return new int[] {j, i};\n      seen.put(nums[i], i);\n    }\n    return null;\n  }\n}\n",
}
CRASHES = {  # line 3 of each file fails at run time
    "python": ("def two_sum(nums, target):\n    x = None\n    return x.foo\n", "AttributeError"),
    "javascript": ("function twoSum(nums, target) {\n  const x = null;\n  return x.foo;\n}\n", "TypeError"),
    "go": ("package main\n\nfunc twoSum(nums []int, target int) []int {\n\treturn nums[:100]\n}\n", "panic"),
    "java": ("class Solution {\n  public int[] twoSum(int[] nums, int target) {\n    return new int[] {nums[100]};\n"
             "  }\n}\n", "ArrayIndexOutOfBoundsException"),
}
SLOW = {"go", "cpp", "java"}


def _marks(language):
    return [pytest.mark.slow] if language in SLOW else []


@pytest.mark.parametrize("language", [pytest.param(lang, marks=_marks(lang)) for lang in SOLUTIONS])
async def test_each_language_judges_each_test(judge_runner, language):
    request = SandboxRequest(language=language, source=SOLUTIONS[language], signature=TWO_SUM, tests=TESTS)
    result = await judge_runner.judge(request)
    assert [t.verdict for t in result.tests] == [Verdict.ACCEPTED, Verdict.ACCEPTED, Verdict.WRONG_ANSWER]
    assert result.verdict is Verdict.WRONG_ANSWER and result.passed == 2
    assert result.tests[2].actual == [0, 1]


@pytest.mark.parametrize("language", [pytest.param(lang, marks=_marks(lang)) for lang in CRASHES])
async def test_runtime_error_names_type_and_candidate_line(judge_runner, language):
    source, error_type = CRASHES[language]
    request = SandboxRequest(language=language, source=source, signature=TWO_SUM, tests=TESTS[:1])
    result = await judge_runner.judge(request)
    assert result.verdict is Verdict.RUNTIME_ERROR
    error = result.tests[0].error
    assert error_type in error.type
    assert error.line == (4 if language == "go" else 3)


@pytest.mark.parametrize("language,source", [
    ("python", "def two_sum(nums, target)\n    return []\n"),
    ("javascript", "function twoSum(nums, target) {\n  return [0, 1;\n}\n"),
    pytest.param("cpp", "vector<int> twoSum(vector<int>& nums, int target) {\n  return nums +;\n}\n",
                 marks=pytest.mark.slow),
    pytest.param("java", "class Solution {\n  public int[] twoSum(int[] nums, int target) {\n    return nums +;\n  }\n}\n",
                 marks=pytest.mark.slow),
])
async def test_syntax_errors_are_compilation_errors(judge_runner, language, source):
    result = await judge_runner.judge(SandboxRequest(language=language, source=source, signature=TWO_SUM,
                                                     tests=TESTS[:1]))
    assert result.verdict is Verdict.COMPILATION_ERROR
    assert result.compile_output


async def test_python_linked_lists_trees_and_design_classes(judge_runner):
    source = (
        "def reverse_list(head):\n    prev = None\n    while head:\n        head.next, prev, head = prev, head, head.next\n"
        "    return prev\n\nclass Counter:\n    def __init__(self, start):\n        self.n = start\n"
        "    def add(self, k):\n        self.n += k\n    def value(self):\n        return self.n\n"
    )
    list_sig = {"name": "reverse_list", "params": [{"name": "head", "type": "ListNode"}], "returns": "ListNode"}
    result = await judge_runner.judge(SandboxRequest(language="python", source=source, signature=list_sig, tests=[
        {"id": "l", "input": {"head": [1, 2, 3]}, "expected": [3, 2, 1]}]))
    assert result.verdict is Verdict.ACCEPTED
    class_sig = {"kind": "class", "name": "Counter", "params": [{"name": "start", "type": "int"}],
                 "methods": [{"name": "add", "params": [{"name": "k", "type": "int"}]},
                             {"name": "value", "returns": "int"}]}
    result = await judge_runner.judge(SandboxRequest(language="python", source=source, signature=class_sig, tests=[
        {"id": "c", "input": {"constructor": [5], "operations": ["add", "value"], "arguments": [[2], []]},
         "expected": [None, 7]}]))
    assert result.verdict is Verdict.ACCEPTED, result


JAVA_LISTS_AND_CLASSES = """class Solution {
    public ListNode reverseList(ListNode head) {
        ListNode prev = null;
        while (head != null) { ListNode rest = head.next; head.next = prev; prev = head; head = rest; }
        return prev;
    }
    public List<List<Integer>> depthLevels(TreeNode root) {  // a List return where others use arrays
        List<List<Integer>> out = new ArrayList<>();
        walk(root, 0, out);
        return out;
    }
    private void walk(TreeNode node, int depth, List<List<Integer>> out) {
        if (node == null) return;
        if (out.size() == depth) out.add(new ArrayList<>());
        out.get(depth).add(node.val);
        walk(node.left, depth + 1, out);
        walk(node.right, depth + 1, out);
    }
}
"""
JAVA_COUNTER = """class Counter {
    private long n;
    public Counter(int start) { n = start; }
    public void add(int k) { n += k; System.out.println("added " + k); }
    public long value() { return n; }
    public double half() { return n / 2.0; }
}
"""


@pytest.mark.slow
async def test_java_linked_lists_trees_lists_and_design_classes(judge_runner):
    list_sig = {"name": "reverse_list", "params": [{"name": "head", "type": "ListNode"}], "returns": "ListNode"}
    tree_sig = {"name": "depth_levels", "params": [{"name": "root", "type": "TreeNode"}], "returns": "int[][]"}
    lists, trees = await asyncio.gather(
        judge_runner.judge(SandboxRequest(language="java", source=JAVA_LISTS_AND_CLASSES, signature=list_sig, tests=[
            {"id": "l", "input": {"head": [1, 2, 3]}, "expected": [3, 2, 1]},
            {"id": "empty", "input": {"head": []}, "expected": []}])),
        judge_runner.judge(SandboxRequest(language="java", source=JAVA_LISTS_AND_CLASSES, signature=tree_sig, tests=[
            {"id": "t", "input": {"root": [1, 2, 3, None, 4]}, "expected": [[1], [2, 3], [4]]},
            {"id": "deep", "input": {"root": _chain_tree(20000)}, "expected": [[1]] * 20000}])),
    )
    assert lists.verdict is Verdict.ACCEPTED, lists
    assert trees.verdict is Verdict.ACCEPTED, trees.tests[0]
    class_sig = {"kind": "class", "name": "Counter", "params": [{"name": "start", "type": "int"}],
                 "methods": [{"name": "add", "params": [{"name": "k", "type": "int"}]},
                             {"name": "value", "returns": "long"}, {"name": "half", "returns": "float"}]}
    result = await judge_runner.judge(SandboxRequest(language="java", source=JAVA_COUNTER, signature=class_sig, tests=[
        {"id": "c", "input": {"constructor": [5], "operations": ["add", "value", "half"], "arguments": [[2], [], []]},
         "expected": [None, 7, 3.5]}]))
    assert result.verdict is Verdict.ACCEPTED, result
    assert result.tests[0].stdout == "added 2\n"


def _chain_tree(depth: int) -> list:
    """Level-order encoding of a left-leaning chain `depth` nodes deep: deep recursion must not overflow."""
    values = [1]
    for _ in range(depth - 1):
        values += [1, None]
    return values


NODE_EXPORT_HABITS = {
    "trailing module.exports object": SOLUTIONS["javascript"] + "module.exports = { twoSum };\n",
    "module.exports of an arrow function only": (
        "const solve = (nums, target) => {\n  const seen = new Map();\n"
        "  for (let i = 0; i < nums.length; i++) {\n    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n"
        "    seen.set(nums[i], i);\n  }\n};\nmodule.exports = solve;\n"),
    "exports.name of a function expression": (
        "exports.twoSum = function (nums, target) {\n  const seen = new Map();\n"
        "  for (let i = 0; i < nums.length; i++) {\n    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n"
        "    seen.set(nums[i], i);\n  }\n};\n"),
}


@pytest.mark.parametrize("habit", NODE_EXPORT_HABITS)
async def test_javascript_candidates_may_export_with_commonjs(judge_runner, habit):
    """Node users end their file with `module.exports = …`: it neither fails nor hides the function."""
    request = SandboxRequest(language="javascript", source=NODE_EXPORT_HABITS[habit], signature=TWO_SUM, tests=TESTS)
    result = await judge_runner.judge(request)
    assert [t.verdict for t in result.tests] == [Verdict.ACCEPTED, Verdict.ACCEPTED, Verdict.WRONG_ANSWER], result
