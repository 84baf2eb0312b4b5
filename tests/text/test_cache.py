from marsad.text.cache import TwoGenerationCache


def test_values_are_computed_once_while_cached_and_size_stays_bounded():
    calls: list[int] = []

    def square(n: int) -> int:
        calls.append(n)
        return n * n

    cache = TwoGenerationCache(square, limit=3)
    assert [cache(n) for n in (1, 2, 1, 2)] == [1, 4, 1, 4] and calls == [1, 2]
    for n in range(100):
        assert cache(n) == n * n
        assert len(cache) <= 2 * 3 + 1


def test_a_word_in_use_survives_turnovers():
    calls: list[str] = []
    cache = TwoGenerationCache(lambda w: calls.append(w) or w.upper(), limit=2)
    for rare in ("a", "b", "c", "d", "e", "f"):
        cache("common")
        cache(rare)
    assert calls.count("common") == 1
