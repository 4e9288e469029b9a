"""Starter code for every language, derived from a problem's signature (used by the authoring tool).

The shapes match the judge's harness conventions: Python snake_case, JavaScript/C++/Java/Go camelCase
(Go class methods PascalCase), Java free functions inside `class Solution`. Every body that returns a
value returns the type's empty value, so untouched starter code compiles and runs in every language
(Go and Java refuse a missing return; C++ flowing off a value-returning function is undefined behaviour)
and the candidate's first Run shows wrong answers, not a compiler error.
"""

from contracts.sandbox import FunctionSignature, Language, Param


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _base_and_depth(type_name: str) -> tuple[str, int]:
    depth = 0
    while type_name.endswith("[]"):
        type_name, depth = type_name[:-2], depth + 1
    return type_name, depth


_PY = {
    "int": "int",
    "long": "int",
    "float": "float",
    "bool": "bool",
    "string": "str",
    "ListNode": "ListNode | None",
    "TreeNode": "TreeNode | None",
    "void": "None",
}
_JS = {
    "int": "number",
    "long": "number",
    "float": "number",
    "bool": "boolean",
    "string": "string",
    "ListNode": "ListNode|null",
    "TreeNode": "TreeNode|null",
    "void": "void",
}
_CPP = {
    "int": "int",
    "long": "long long",
    "float": "double",
    "bool": "bool",
    "string": "string",
    "ListNode": "ListNode*",
    "TreeNode": "TreeNode*",
    "void": "void",
}
_JAVA = {
    "int": "int",
    "long": "long",
    "float": "double",
    "bool": "boolean",
    "string": "String",
    "ListNode": "ListNode",
    "TreeNode": "TreeNode",
    "void": "void",
}
_GO = {
    "int": "int",
    "long": "int64",
    "float": "float64",
    "bool": "bool",
    "string": "string",
    "ListNode": "*ListNode",
    "TreeNode": "*TreeNode",
    "void": "",
}


def python_type(t: str) -> str:
    base, depth = _base_and_depth(t)
    out = _PY[base] if depth == 0 else _PY[base].replace(" | None", "")
    for _ in range(depth):
        out = f"list[{out}]"
    return out


def js_type(t: str) -> str:
    base, depth = _base_and_depth(t)
    return _JS[base] + "[]" * depth


def cpp_type(t: str) -> str:
    base, depth = _base_and_depth(t)
    out = _CPP[base]
    for _ in range(depth):
        out = f"vector<{out}>"
    return out


def cpp_param(p: Param) -> str:
    by_reference = p.type.endswith("[]")
    return f"{cpp_type(p.type)}{'&' if by_reference else ''} {camel(p.name)}"


def java_type(t: str) -> str:
    base, depth = _base_and_depth(t)
    return _JAVA[base] + "[]" * depth


def go_type(t: str) -> str:
    base, depth = _base_and_depth(t)
    return "[]" * depth + _GO[base]


_CPP_EMPTY = {"int": "0", "long": "0", "float": "0.0", "bool": "false", "string": '""', "ListNode": "nullptr",
              "TreeNode": "nullptr"}


def _cpp_body(returns: str, indent: str) -> str:
    if returns == "void":
        return ""
    return f"{indent}    return {_CPP_EMPTY.get(returns, '{}')};\n"


_JAVA_EMPTY = {"int": "0", "long": "0", "float": "0.0", "bool": "false"}


def _java_body(returns: str, indent: str) -> str:
    if returns == "void":
        return ""
    return f"{indent}    return {_JAVA_EMPTY.get(returns, 'null')};\n"


_GO_EMPTY = {"int": "0", "long": "0", "float": "0", "bool": "false", "string": '""'}


def _go_body(returns: str) -> str:
    if returns == "void":
        return ""
    return f"\treturn {_GO_EMPTY.get(returns, 'nil')}\n"


def starter_code(sig: FunctionSignature) -> dict[str, str]:
    if sig.kind == "class":
        return _class_starters(sig)
    return {
        Language.PYTHON.value: _python_function(sig.name, sig.params, sig.returns, indent=""),
        Language.JAVASCRIPT.value: _js_function(sig),
        Language.CPP.value: (
            f"{cpp_type(sig.returns)} {camel(sig.name)}({_join(cpp_param(p) for p in sig.params)}) {{\n"
            f"{_cpp_body(sig.returns, '')}}}\n"
        ),
        Language.JAVA.value: (
            "class Solution {\n"
            f"    public {java_type(sig.returns)} {camel(sig.name)}"
            f"({_join(f'{java_type(p.type)} {camel(p.name)}' for p in sig.params)}) {{\n"
            f"{_java_body(sig.returns, '    ')}    }}\n}}\n"
        ),
        Language.GO.value: (
            f"package main\n\nfunc {camel(sig.name)}({_go_params(sig.params)}) {go_type(sig.returns)} {{\n"
            f"{_go_body(sig.returns)}}}\n"
        ),
    }


def _join(parts) -> str:
    return ", ".join(parts)


def _go_params(params: list[Param]) -> str:
    return _join(f"{camel(p.name)} {go_type(p.type)}" for p in params)


def _python_function(
    name: str, params: list[Param], returns: str, indent: str, self_arg: bool = False
) -> str:
    args = (["self"] if self_arg else []) + [f"{p.name}: {python_type(p.type)}" for p in params]
    return f"{indent}def {name}({', '.join(args)}) -> {python_type(returns)}:\n{indent}    pass\n"


def _js_function(sig: FunctionSignature) -> str:
    doc = "".join(f" * @param {{{js_type(p.type)}}} {camel(p.name)}\n" for p in sig.params)
    doc += f" * @return {{{js_type(sig.returns)}}}\n"
    return f"/**\n{doc} */\nfunction {camel(sig.name)}({_join(camel(p.name) for p in sig.params)}) {{\n}}\n"


def _class_starters(sig: FunctionSignature) -> dict[str, str]:
    name = sig.name
    py = [
        f"class {name}:\n",
        _python_function("__init__", sig.params, "void", "    ", True).replace(" -> None", ""),
    ]
    js = [f"class {name} {{\n  constructor({_join(camel(p.name) for p in sig.params)}) {{\n  }}\n"]
    cpp = [f"class {name} {{\npublic:\n    {name}({_join(cpp_param(p) for p in sig.params)}) {{\n    }}\n"]
    java = [
        f"class {name} {{\n    public {name}({_join(f'{java_type(p.type)} {camel(p.name)}' for p in sig.params)}) {{\n    }}\n"
    ]
    go = [
        f"package main\n\ntype {name} struct {{\n}}\n\nfunc Constructor({_go_params(sig.params)}) {name} {{\n\treturn {name}{{}}\n}}\n"
    ]
    for m in sig.methods:
        py.append("\n" + _python_function(m.name, m.params, m.returns, "    ", True))
        js.append(f"\n  {camel(m.name)}({_join(camel(p.name) for p in m.params)}) {{\n  }}\n")
        cpp.append(
            f"\n    {cpp_type(m.returns)} {camel(m.name)}({_join(cpp_param(p) for p in m.params)}) {{\n"
            f"{_cpp_body(m.returns, '    ')}    }}\n"
        )
        java_params = _join(f"{java_type(p.type)} {camel(p.name)}" for p in m.params)
        java.append(
            f"\n    public {java_type(m.returns)} {camel(m.name)}({java_params}) {{\n"
            f"{_java_body(m.returns, '    ')}    }}\n"
        )
        go.append(
            f"\nfunc (this *{name}) {pascal(m.name)}({_go_params(m.params)}) {go_type(m.returns)} {{\n"
            f"{_go_body(m.returns)}}}\n"
        )
    js.append("}\n")
    cpp.append("};\n")
    java.append("}\n")
    return {
        Language.PYTHON.value: "".join(py),
        Language.JAVASCRIPT.value: "".join(js),
        Language.CPP.value: "".join(cpp),
        Language.JAVA.value: "".join(java),
        Language.GO.value: "".join(go),
    }
