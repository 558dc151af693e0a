import threading
from collections.abc import Hashable
from pathlib import Path

from newscheck.store import Store, open_store
from newscheck.web.snapshot import Snapshot, StoreSnapshots, read_snapshot

from .fictional import write_fictional_story


def test_snapshot_is_reread_only_when_the_store_changes(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as writer:
        story = write_fictional_story(writer, with_claims=False)
    now = [0.0]
    with open_store(path, read_only=True) as store:
        snapshots = StoreSnapshots(store, check_every_s=5, clock=lambda: now[0])
        first = snapshots.current()
        assert [r.id for r in first.rows] == [story.story_id] and first.rows[0].contested == 0
        with open_store(path) as writer:
            write_fictional_story(writer)
        assert snapshots.current() is first  # not checked again within 5 s
        now[0] = 10.0
        second = snapshots.current()
        assert second is not first and second.version != first.version
        assert second.rows[0].contested == 4
        now[0] = 20.0
        assert snapshots.current() is second  # same version: nothing re-read


def test_readers_get_the_old_snapshot_while_one_thread_rereads(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as writer:
        write_fictional_story(writer, with_claims=False)
    reads: list[Hashable] = []
    inside = threading.Event()
    release = threading.Event()

    def slow_read(store: Store, version: Hashable) -> Snapshot:
        # The real read; the second one is held until released, so that another reader
        # comes by while it is going on.
        reads.append(version)
        if len(reads) == 2:
            inside.set()
            release.wait(10)
        return read_snapshot(store, version)

    with open_store(path, read_only=True) as store:
        snapshots = StoreSnapshots(store, check_every_s=0, read=slow_read)
        first = snapshots.current()
        with open_store(path) as writer:
            write_fictional_story(writer)
        worker = threading.Thread(target=snapshots.current)
        worker.start()
        assert inside.wait(10)
        assert snapshots.current() is first  # not blocked behind the re-read
        release.set()
        worker.join(10)
        assert snapshots.current() is not first
