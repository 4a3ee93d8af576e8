"""Sentence and word segmentation with underthesea, keeping body offsets.

underthesea's `sent_tokenize` never splits on newlines, so the body is split
into lines first. Its `word_tokenize` may rewrite accents unless
`use_token_normalize=False`, which keeps tokens substrings of the input.
"""
from __future__ import annotations

from underthesea import sent_tokenize, word_tokenize

from .document import Sentence, Token


def split_sentences(body: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    pos = 0
    for line in body.split("\n"):
        if line.strip():
            cursor = 0
            for piece in sent_tokenize(line):
                piece = piece.strip()
                if not piece:
                    continue
                at = line.find(piece, cursor)
                if at < 0:  # underthesea altered the text; keep the rest of the line whole
                    rest = line[cursor:].strip()
                    if rest:
                        at = line.find(rest, cursor)
                        sentences.append(Sentence(pos + at, pos + at + len(rest), rest))
                    cursor = len(line)
                    break
                sentences.append(Sentence(pos + at, pos + at + len(piece), piece))
                cursor = at + len(piece)
            rest = line[cursor:].strip()
            if rest:  # trailing text sent_tokenize dropped
                at = line.find(rest, cursor)
                sentences.append(Sentence(pos + at, pos + at + len(rest), rest))
        pos += len(line) + 1
    return sentences


def word_tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Word tokens of `text` with body offsets (text starts at body offset `offset`)."""
    tokens: list[Token] = []
    cursor = 0
    for word in word_tokenize(text, use_token_normalize=False):
        at = text.find(word, cursor)
        if at < 0:
            continue  # never seen with use_token_normalize=False; skip rather than misplace
        tokens.append(Token(offset + at, offset + at + len(word), word))
        cursor = at + len(word)
    return tuple(tokens)
