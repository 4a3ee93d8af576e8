"""underthesea's CRF models read as weights, and their Viterbi decoding, in Python.

underthesea's taggers (underthesea_core's Rust `CRFTagger`) take each token's features as
strings: building ~40 strings per syllable and handing them across to Rust was most of
the pipeline's segmentation time. The models are stored in CRFsuite's documented binary
format ("lCRF": a header, the features as (type, source, destination, weight) records, and
the label and attribute names in CQDB string tables), so this module reads the weights
once and the word segmenter (`wordseg.py`) adds up cached per-syllable scores instead.
(`postag.py` does the same for the POS model, decoding an article's sentences together.)

The score of label y at a position is the sum of the weights (attribute, y) of the
position's attributes (each with value 1; unknown attributes weigh nothing); a sequence's
score adds the transition weights (y_prev, y); `viterbi` returns the best sequence, as
CRFsuite's decoder does (the first label wins a tie); `wordseg` runs its own two-label
copy of it on the hot path. `tests/test_crf_model.py` checks the decoded labels equal the
Rust tagger's on every corpus line, for both models, underthesea pinned to 9.5.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, counts, chunk offsets
# a feature record: kind (0 state: attribute -> label, 1 transition: label -> label), source,
# target, weight; packed, 20 bytes
_FEATURE = np.dtype([("kind", "<u4"), ("source", "<u4"), ("target", "<u4"), ("weight", "<f8")])


@dataclass(frozen=True)
class CRFWeights:
    labels: tuple[str, ...]
    state: dict[str, tuple[float, ...]]       # attribute -> its weight for each label
    transition: tuple[tuple[float, ...], ...]  # transition[a][b]: weight of label a followed by b


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB chunk in id order (its backward array: id -> record offset;
    a record is its id, its size and the NUL-terminated UTF-8 string)."""
    magic, _size, _flag, _order, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if magic != b"CQDB":
        raise ValueError(f"not a CQDB string table at offset {offset}")
    strings = []
    for i in range(count):
        (at,) = struct.unpack_from("<I", data, offset + backward + 4 * i)
        _id, length = struct.unpack_from("<iI", data, offset + at)
        start = offset + at + 8
        strings.append(data[start:start + length - 1].decode("utf-8"))
    return strings


@dataclass(frozen=True)
class CRFArrays:
    """A CRFsuite model as arrays: what `read_crfsuite` turns into per-attribute tuples."""

    labels: tuple[str, ...]
    attributes: list[str]      # attribute names, by id
    state: np.ndarray          # (attributes, labels): each attribute's weight for each label
    transition: np.ndarray     # (labels, labels): transition[a, b], label a followed by b
    weighted: np.ndarray       # ids of the attributes with a state feature (the others weigh nothing)


def read_crfsuite_arrays(path: str) -> CRFArrays:
    """The weights of a CRFsuite model file, as arrays."""
    with open(path, "rb") as f:
        data = f.read()
    (magic, _size, kind, _version, _n, n_labels, _n_attrs, off_features, off_labels, off_attrs,
     _off_label_refs, _off_attr_refs) = _HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path} is not a CRFsuite first-order model")
    labels = tuple(_cqdb_strings(data, off_labels))[:n_labels]
    attributes = _cqdb_strings(data, off_attrs)
    chunk, _chunk_size, count = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no feature chunk at offset {off_features}")
    features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + 12)
    is_state = features["kind"] == 0
    n = len(labels)

    def summed(rows: int, mask) -> np.ndarray:  # the weights added up per (source, target)
        index = features["source"][mask].astype(np.int64) * n + features["target"][mask]
        return np.bincount(index, weights=features["weight"][mask], minlength=rows * n).reshape(rows, n)

    return CRFArrays(labels, attributes, summed(len(attributes), is_state), summed(n, ~is_state),
                     np.unique(features["source"][is_state]))


def read_crfsuite(path: str) -> CRFWeights:
    """The weights of a CRFsuite model file, per attribute."""
    a = read_crfsuite_arrays(path)
    rows = a.state[a.weighted].tolist()
    return CRFWeights(a.labels, {a.attributes[i]: tuple(row) for i, row in zip(a.weighted.tolist(), rows)},
                      tuple(tuple(row) for row in a.transition.tolist()))


def viterbi(scores: list[list[float]], transition: tuple[tuple[float, ...], ...]) -> list[int]:
    """The best label sequence (label indexes) for per-position label `scores`."""
    if not scores:
        return []
    labels = range(len(transition))
    best = list(scores[0])
    back: list[list[int]] = []
    for row in scores[1:]:
        pointers, new = [], []
        for b in labels:
            choice, value = 0, best[0] + transition[0][b]
            for a in labels[1:]:
                v = best[a] + transition[a][b]
                if v > value:
                    choice, value = a, v
            pointers.append(choice)
            new.append(value + row[b])
        back.append(pointers)
        best = new
    last = max(labels, key=lambda y: (best[y], -y))
    path = [last]
    for pointers in reversed(back):
        last = pointers[last]
        path.append(last)
    path.reverse()
    return path


def tag_strings(weights: CRFWeights, features: list) -> list[str]:
    """Labels of a sequence given each position's attribute strings (the slow, general way:
    what the Rust tagger takes; used to check the fast paths)."""
    n = len(weights.labels)
    scores = []
    for attrs in features:
        row = [0.0] * n
        for a in attrs:
            w = weights.state.get(a)
            if w is not None:
                for y in range(n):
                    row[y] += w[y]
        scores.append(row)
    return [weights.labels[y] for y in viterbi(scores, weights.transition)]
