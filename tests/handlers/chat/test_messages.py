"""Splitting long replies to a platform's limit, and replies surviving the outbox."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from handlers.chat.messages import (
    Button,
    OutgoingFile,
    Reply,
    replies_from_payload,
    replies_to_payload,
    split_text,
)

pieces = st.lists(
    st.one_of(st.sampled_from(["\n\n", "\n", " "]), st.text("ab<&*_@", min_size=1, max_size=40)),
    max_size=300,
)


@given(pieces, st.integers(min_value=5, max_value=300))
def test_pieces_fit_keep_order_and_lose_only_whitespace_at_cuts(
    parts: list[str], limit: int
) -> None:
    text = "".join(parts)
    split = split_text(text, limit)
    assert all(len(piece) <= limit for piece in split)
    squeeze = str.maketrans("", "", "\n ")
    assert "".join(split).translate(squeeze) == text.translate(squeeze)


def test_cuts_prefer_paragraphs_then_lines() -> None:
    text = "first paragraph\n\nsecond one here\nits second line"
    assert split_text(text, 20) == ["first paragraph", "second one here", "its second line"]
    assert split_text("short", 4096) == ["short"]
    assert split_text("", 10) == [""]
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_replies_survive_the_outbox() -> None:
    replies = [
        Reply("a <b>digest</b> & more", buttons=(Button("Save #1", "/job save 1"),)),
        Reply("file", files=(OutgoingFile("cv.docx", b"\x00PK\x03", "application/x"),)),
    ]
    assert replies_from_payload(replies_to_payload(replies)) == replies
