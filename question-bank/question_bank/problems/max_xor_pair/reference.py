def max_xor_pair(codes: list[int]) -> int:
    # Decide the answer bit by bit from the top, keeping the largest prefix still achievable.
    answer = 0
    for bit in range(30, -1, -1):
        prefixes = {code >> bit for code in codes}
        want = (answer << 1) | 1
        # some pair has a ^ b == want  <=>  some a has a ^ want in the set
        answer = want if any(p ^ want in prefixes for p in prefixes) else answer << 1
    return answer
