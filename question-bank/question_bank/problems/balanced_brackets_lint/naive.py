def balanced_brackets_lint(s):
    # Drop letters, then delete innermost pairs until nothing changes: O(n^2) on deep nesting.
    s = "".join(ch for ch in s if not ch.isalpha())
    while True:
        shorter = s.replace("()", "").replace("[]", "").replace("{}", "").replace("<>", "")
        if shorter == s:
            return s == ""
        s = shorter
