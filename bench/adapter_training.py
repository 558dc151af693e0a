"""What the two adapter-fitting scripts share (``link_msrp_cross.py``, the paraphrase
cross-encoder, and ``extract_fit_cue_tagger.py``, the cue tagger): the bundled encoder with
trainable low-rank updates of its linear layers (LoRA, rank 16, scale 2) and a head, the optimiser
with its warm-up schedule, and the adapter's arrays as :mod:`newscheck.adapters` reads them."""

from __future__ import annotations

from typing import Any

import numpy as np

from newscheck.adapters import ADAPTED_LAYERS, adapter_key
from newscheck.embed import bundled_model_path

RANK = 16
ALPHA = 32


def low_rank(torch: Any, base: Any) -> Any:
    """``base`` (a frozen Linear) plus a trainable update ``scale * B @ A`` of rank RANK."""

    class LowRank(torch.nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.base = base
            self.A = torch.nn.Parameter(torch.randn(RANK, base.in_features) * 0.01)
            self.B = torch.nn.Parameter(torch.zeros(base.out_features, RANK))

        def forward(self, x: Any) -> Any:
            return self.base(x) + (x @ self.A.T @ self.B.T) * (ALPHA / RANK)

    return LowRank()


def adapted_encoder(outputs: int) -> tuple[Any, Any, Any, Any]:
    """torch, the bundled tokenizer, the encoder with frozen weights and trainable low-rank
    updates, and a head (dropout 0.1, then a linear layer to ``outputs``); seeded."""
    path = bundled_model_path()  # offline switches set before transformers is imported
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(path)
    encoder = AutoModel.from_pretrained(path)
    for p in encoder.parameters():
        p.requires_grad = False
    for layer in encoder.encoder.layer:
        for name in ADAPTED_LAYERS:
            parent_name, _, attr = name.rpartition(".")
            parent = layer.get_submodule(parent_name)
            setattr(parent, attr, low_rank(torch, getattr(parent, attr)))
    head = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(384, outputs))
    return torch, tokenizer, encoder, head


def optimiser(
    torch: Any, modules: tuple[Any, ...], learning_rate: float, steps: int, warmup: float
) -> tuple[Any, Any]:
    """AdamW (weight decay 0.01) over the trainable parameters, and a schedule that warms up over
    the first ``warmup`` share of ``steps`` then decays linearly to zero."""
    params = [p for module in modules for p in module.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=learning_rate, weight_decay=0.01)
    warm = warmup * steps

    def rate(step: int) -> float:
        return step / warm if step < warm else max(0.0, (steps - step) / (steps - warm))

    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, rate)


def adapter_factors(encoder: Any) -> dict[str, np.ndarray]:
    """The trained low-rank factors and their scale (the head is each script's own)."""
    stored: dict[str, np.ndarray] = {"scale": np.array(ALPHA / RANK, dtype=np.float32)}
    for index, layer in enumerate(encoder.encoder.layer):
        for name in ADAPTED_LAYERS:
            module = layer.get_submodule(name)
            for part in ("A", "B"):
                value = getattr(module, part).detach().numpy().astype(np.float32)
                stored[adapter_key(index, name, part)] = value
    return stored
