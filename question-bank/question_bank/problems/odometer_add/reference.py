def odometer_add(digits: list[int], miles: int) -> list[int]:
    # Column addition from the right; the remaining miles ride along in the carry.
    result = list(digits)
    carry = miles
    i = len(result) - 1
    while i >= 0 and carry:
        total = result[i] + carry
        result[i] = total % 10
        carry = total // 10
        i -= 1
    head = []
    while carry:
        head.append(carry % 10)
        carry //= 10
    return head[::-1] + result
