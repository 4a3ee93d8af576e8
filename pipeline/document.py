"""The Document: one article's raw text, its cleaned body and its segmentation.

Offsets everywhere are character offsets into `body` (end exclusive).
`raw_offsets[i]` is the offset in `raw` of body character i (with one extra
entry for the end), so any span can be traced back to the scraped text.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    start: int
    end: int
    text: str

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """underthesea word segmentation, computed on first use only.

        Word segmentation is the dominant cost of the pipeline (~15 articles/s
        per core), so extractors ask for it only on sentences they need.
        """
        from .segment import word_tokens

        return word_tokens(self.text, self.start)

    @property
    def segmented(self) -> bool:
        """Whether the words were computed (some extractor asked for them)."""
        return "tokens" in self.__dict__  # where cached_property keeps its value

    @cached_property
    def token_starts(self) -> list[int]:
        """Body offsets where the tokens start (for bisecting a window of them)."""
        return [t.start for t in self.tokens]

    def tokens_between(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens that start within body offsets [start, end)."""
        from bisect import bisect_left
        starts = self.token_starts
        return self.tokens[bisect_left(starts, start):bisect_left(starts, end)]


@dataclass
class Document:
    doc_id: str
    source: str
    raw: str
    body: str
    raw_offsets: list[int]
    sentences: list[Sentence] = field(default_factory=list)
    # facts about the record that extractors may use (record title/url/published, header date)
    meta: dict = field(default_factory=dict)
    # values an extractor computed over this article and will ask for again (a cache keyed
    # by what was computed and from what: never an input, so never a channel between stages)
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.raw_offsets[start], self.raw_offsets[end]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence containing body offset `pos` (None between sentences)."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_text(self, start: int, end: int) -> str:
        s = self.sentence_at(start)
        if s is None:
            # fall back to the enclosing line
            ls = self.body.rfind("\n", 0, start) + 1
            le = self.body.find("\n", end)
            return self.body[ls: le if le >= 0 else len(self.body)]
        if end > s.end:  # span runs across a sentence break: give both
            last = self.sentence_at(end - 1)
            return self.body[s.start: (last.end if last else end)]
        return s.text

    def provenance(self, start: int, end: int, extractor: str = "rule", confidence: float = 1.0) -> dict:
        """The provenance fields of a mention spanning body[start:end] (see records.Mention)."""
        return {
            "doc_id": self.doc_id,
            "start": start,
            "end": end,
            "text": self.body[start:end],
            "sentence": self.sentence_text(start, end),
            "extractor": extractor,
            "confidence": confidence,
        }

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each non-empty line of the body."""
        spans, pos = [], 0
        for line in self.body.split("\n"):
            if line.strip():
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return spans
