"""Disjoint sets over string ids (articles joined by links, stories to merge)."""

from __future__ import annotations

from collections.abc import Iterator


class UnionFind:
    """Union-find with path halving; ``members`` and ``groups`` list sets in sorted order."""

    __slots__ = ("_parent", "_members")

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}

    def add(self, item: str) -> None:
        if item not in self._parent:
            self._parent[item] = item
            self._members[item] = [item]

    def find(self, item: str) -> str:
        self.add(item)
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        # The smaller id becomes the root, so the result does not depend on the order of unions.
        if root_b < root_a:
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._members[root_a].extend(self._members.pop(root_b))

    def members(self, item: str) -> list[str]:
        """Every item in ``item``'s set (just ``[item]`` when it was never joined to another)."""
        if item not in self._parent:
            return [item]
        return sorted(self._members[self.find(item)])

    def groups(self) -> Iterator[list[str]]:
        for root in sorted(self._members):
            yield sorted(self._members[root])
