"""When the session watch ends an interview: pure rules over the session's clock and socket stamps."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from interviewer_agent.ending import reason_to_end

CREATED = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def session(**fields) -> SimpleNamespace:
    return SimpleNamespace(**({"created_at": CREATED, "duration_s": 1800, "socket_seen_at": None,
                                "ended_at": None} | fields))


def test_time_up_ends_the_interview_even_with_a_socket_open():
    open_socket = session(socket_seen_at=CREATED + timedelta(minutes=30))
    assert reason_to_end(open_socket, CREATED + timedelta(minutes=29, seconds=59), 300) is None
    assert reason_to_end(open_socket, CREATED + timedelta(minutes=30), 300) == "time_limit"


def test_no_socket_for_the_abandon_time_ends_it_as_abandoned():
    seen = session(socket_seen_at=CREATED + timedelta(minutes=10))
    assert reason_to_end(seen, CREATED + timedelta(minutes=14), 300) is None
    assert reason_to_end(seen, CREATED + timedelta(minutes=15), 300) == "abandoned"
    never_connected = session()
    assert reason_to_end(never_connected, CREATED + timedelta(minutes=5), 300) == "abandoned"


def test_an_ended_interview_is_left_alone_and_naive_times_are_utc():
    assert reason_to_end(session(ended_at=CREATED), CREATED + timedelta(hours=2), 300) is None
    naive = session(created_at=CREATED.replace(tzinfo=None), socket_seen_at=None)
    assert reason_to_end(naive, CREATED + timedelta(minutes=31), 300) == "time_limit"
