#!/usr/bin/python3
"""Builds a tiny sentence-embedding model folder, laid out as sentence-transformers exports one, for the ONNX tests.

Usage: /usr/bin/python3 build_tiny_sentence_model.py OUT_DIR   (needs Debian's python3-onnx, which brings numpy)

OUT_DIR/model/ gets model.onnx (a BERT-shaped encoder in miniature: token + type + position embeddings, a masked
mean of the sequence mixed back into every token, a dense layer and tanh, output last_hidden_state
[batch, sequence, 8]), vocab.txt, tokenizer.json, tokenizer_config.json, config.json, sentence_bert_config.json and
1_Pooling/config.json. OUT_DIR/unusable/model.onnx is a graph that is no text encoder. OUT_DIR/expected.json holds,
for a few texts, the WordPiece tokens they must become and the vectors computed here with numpy, one text at a
time and without ONNX, for mean, cls and max pooling.
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

DIMENSIONS = 8
MAX_POSITIONS = 16
MAX_SEQ_LENGTH = 10
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "on", "mat", "dog", "ran", "a", ".",
         ",", "!", "##s", "neural", "network", "embed", "graph", "paper"]

# The texts and the tokens BERT's uncased WordPiece tokenizer makes of them: lower-cased, accents stripped,
# punctuation split off, words split into known pieces, [UNK] for the rest, cut to MAX_SEQ_LENGTH token by token.
CASES = [
    ("The cat sat on the mat.", ["[CLS]", "the", "cat", "sat", "on", "the", "mat", ".", "[SEP]"]),
    ("Cats ran!", ["[CLS]", "cat", "##s", "ran", "!", "[SEP]"]),
    ("a dog", ["[CLS]", "a", "dog", "[SEP]"]),
    ("THÉ DOG", ["[CLS]", "the", "dog", "[SEP]"]),
    ("Zebra", ["[CLS]", "[UNK]", "[SEP]"]),
    ("", ["[CLS]", "[SEP]"]),
    ("Neural networks embed graphs, papers.",
     ["[CLS]", "neural", "network", "##s", "embed", "graph", "##s", ",", "paper", "[SEP]"]),
]

rng = np.random.default_rng(20261123)
word = rng.normal(0, 1, (len(VOCAB), DIMENSIONS)).astype(np.float32)
types = rng.normal(0, 0.5, (2, DIMENSIONS)).astype(np.float32)
positions = rng.normal(0, 0.5, (MAX_POSITIONS, DIMENSIONS)).astype(np.float32)
w_token = rng.normal(0, 0.6, (DIMENSIONS, DIMENSIONS)).astype(np.float32)
w_context = rng.normal(0, 0.6, (DIMENSIONS, DIMENSIONS)).astype(np.float32)
bias = rng.normal(0, 0.1, (DIMENSIONS,)).astype(np.float32)


def encoder_graph():
    n = helper.make_node
    nodes = [
        n("Gather", ["word", "input_ids"], ["word_states"]),
        n("Gather", ["types", "token_type_ids"], ["type_states"]),
        n("Shape", ["input_ids"], ["ids_shape"]),
        n("Gather", ["ids_shape", "one"], ["sequence_length"], axis=0),
        n("Range", ["zero", "sequence_length", "one"], ["position_ids"]),
        n("Gather", ["positions", "position_ids"], ["position_states"]),
        n("Add", ["word_states", "type_states"], ["word_and_type"]),
        n("Add", ["word_and_type", "position_states"], ["embedded"]),
        n("Cast", ["attention_mask"], ["mask_float"], to=TensorProto.FLOAT),
        n("Unsqueeze", ["mask_float", "axis_two"], ["mask"]),
        n("Mul", ["embedded", "mask"], ["masked"]),
        n("ReduceSum", ["masked", "axis_one"], ["masked_sum"], keepdims=1),
        n("ReduceSum", ["mask", "axis_one"], ["mask_count"], keepdims=1),
        n("Div", ["masked_sum", "mask_count"], ["context"]),
        n("MatMul", ["embedded", "w_token"], ["token_part"]),
        n("MatMul", ["context", "w_context"], ["context_part"]),
        n("Add", ["token_part", "context_part"], ["mixed"]),
        n("Add", ["mixed", "bias"], ["biased"]),
        n("Tanh", ["biased"], ["last_hidden_state"]),
    ]
    initializers = [
        numpy_helper.from_array(word, "word"),
        numpy_helper.from_array(types, "types"),
        numpy_helper.from_array(positions, "positions"),
        numpy_helper.from_array(w_token, "w_token"),
        numpy_helper.from_array(w_context, "w_context"),
        numpy_helper.from_array(bias, "bias"),
        numpy_helper.from_array(np.array(0, dtype=np.int64), "zero"),
        numpy_helper.from_array(np.array(1, dtype=np.int64), "one"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "axis_one"),
        numpy_helper.from_array(np.array([2], dtype=np.int64), "axis_two"),
    ]
    inputs = [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "sequence"])
              for name in ("input_ids", "attention_mask", "token_type_ids")]
    outputs = [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", DIMENSIONS])]
    graph = helper.make_graph(nodes, "tiny_sentence_encoder", inputs, outputs, initializers)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="paperfeed-tests")


def unusable_graph():
    image = helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, [1, 3])
    out = helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 3])
    graph = helper.make_graph([helper.make_node("Identity", ["pixel_values"], ["logits"])], "not_a_text_encoder", [image], [out])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="paperfeed-tests")


def token_states(ids):
    """The encoder's forward pass for one unpadded text, written out in numpy."""
    ids = np.array(ids)
    embedded = word[ids] + types[np.zeros_like(ids)] + positions[np.arange(len(ids))]
    context = embedded.mean(axis=0, keepdims=True)
    return np.tanh(embedded @ w_token + context @ w_context + bias)


def unit(vector):
    return vector / max(np.linalg.norm(vector), 1e-12)


def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        json.dump(value, file, indent=2, ensure_ascii=False)


def main(out_dir):
    model_dir = os.path.join(out_dir, "model")
    os.makedirs(os.path.join(model_dir, "1_Pooling"), exist_ok=True)
    os.makedirs(os.path.join(out_dir, "unusable"), exist_ok=True)
    encoder = encoder_graph()
    onnx.checker.check_model(encoder)
    onnx.save(encoder, os.path.join(model_dir, "model.onnx"))
    onnx.save(unusable_graph(), os.path.join(out_dir, "unusable", "model.onnx"))

    with open(os.path.join(model_dir, "vocab.txt"), "w", encoding="utf-8") as file:
        file.write("\n".join(VOCAB) + "\n")
    write_json(os.path.join(model_dir, "tokenizer.json"), {
        "version": "1.0",
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": {token: i for i, token in enumerate(VOCAB)}},
    })
    write_json(os.path.join(model_dir, "tokenizer_config.json"), {
        "do_lower_case": True, "model_max_length": 512, "cls_token": "[CLS]", "sep_token": "[SEP]",
        "pad_token": "[PAD]", "unk_token": "[UNK]", "mask_token": "[MASK]", "tokenizer_class": "BertTokenizer"})
    write_json(os.path.join(model_dir, "config.json"), {
        "model_type": "bert", "hidden_size": DIMENSIONS, "max_position_embeddings": MAX_POSITIONS,
        "vocab_size": len(VOCAB)})
    write_json(os.path.join(model_dir, "sentence_bert_config.json"), {"max_seq_length": MAX_SEQ_LENGTH, "do_lower_case": False})
    write_json(os.path.join(model_dir, "1_Pooling", "config.json"), {
        "word_embedding_dimension": DIMENSIONS, "pooling_mode_cls_token": False, "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False, "pooling_mode_mean_sqrt_len_tokens": False})

    cases = []
    for text, tokens in CASES:
        ids = [VOCAB.index(token) for token in tokens]
        states = token_states(ids)
        cases.append({
            "text": text, "tokens": tokens, "ids": ids,
            "mean": unit(states.mean(axis=0)).tolist(),
            "mean_unnormalized": states.mean(axis=0).tolist(),
            "cls": unit(states[0]).tolist(),
            "max": unit(states.max(axis=0)).tolist(),
        })
    write_json(os.path.join(out_dir, "expected.json"), {"dimensions": DIMENSIONS, "cases": cases})


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
