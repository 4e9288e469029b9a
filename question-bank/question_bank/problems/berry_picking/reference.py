def berry_picking(berries: list[int]) -> int:
    # skip: best total so far without the previous bush; take: best total up to the previous bush.
    skip, take = 0, 0
    for count in berries:
        skip, take = take, max(take, skip + count)
    return take
