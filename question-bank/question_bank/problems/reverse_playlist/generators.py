"""Long playlists of random song ids."""


def long_playlist(rng, n):
    return {"head": [rng.randint(-(10**9), 10**9) for _ in range(n)]}


def scaled(rng, n):
    return long_playlist(rng, n)
