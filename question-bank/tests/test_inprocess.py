from contracts.sandbox import Comparison, FunctionSignature

from question_bank.inprocess import call_solution, decode, encode, load_solution, outputs_match


def test_linked_list_and_tree_round_trip():
    assert encode(decode([1, 2, 3], "ListNode"), "ListNode") == [1, 2, 3]
    assert decode([], "ListNode") is None
    tree = [3, 9, 20, None, None, 15, 7]
    assert encode(decode(tree, "TreeNode"), "TreeNode") == tree
    assert encode(decode([[1, 2], []], "ListNode[]"), "ListNode[]") == [[1, 2], []]


def test_compare_modes():
    assert outputs_match([1, 2], [1, 2], Comparison.EXACT)
    assert not outputs_match([2, 1], [1, 2], Comparison.EXACT)
    assert outputs_match([2, 1], [1, 2], Comparison.UNORDERED)
    assert not outputs_match([[2, 1]], [[1, 2]], Comparison.UNORDERED)
    assert outputs_match([[2, 1], [3]], [[3], [1, 2]], Comparison.UNORDERED_DEEP)
    assert outputs_match(0.1 + 0.2, 0.3, Comparison.FLOAT)
    assert not outputs_match(True, 1, Comparison.EXACT)


def test_class_kind_calls_methods_in_order():
    source = (
        "class Counter:\n"
        "    def __init__(self, start):\n        self.n = start\n"
        "    def add(self, k):\n        self.n += k\n"
        "    def value(self):\n        return self.n\n"
    )
    signature = FunctionSignature.model_validate(
        {
            "kind": "class",
            "name": "Counter",
            "params": [{"name": "start", "type": "int"}],
            "methods": [
                {"name": "add", "params": [{"name": "k", "type": "int"}]},
                {"name": "value", "returns": "int"},
            ],
        }
    )
    test_input = {
        "constructor": [5],
        "operations": ["add", "value", "add", "value"],
        "arguments": [[2], [], [-1], []],
    }
    assert call_solution(load_solution(source, "counter.py"), signature, test_input) == [None, 7, None, 6]
