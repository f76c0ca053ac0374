"""Why an uploaded resume could not be read. Each carries what the reply needs to say."""

from __future__ import annotations

from domain.errors import DomainError
from domain.file_types import FileType


class ResumeRejected(DomainError):
    """Base class: the file was refused or could not be read. Nothing was stored."""


class UnsupportedFileType(ResumeRejected):
    def __init__(self, detected: FileType) -> None:
        super().__init__(f"unsupported file type {detected}")
        self.detected = detected


class FileTooLarge(ResumeRejected):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"file of {size} bytes is over the {limit}-byte limit")
        self.size = size
        self.limit = limit


class TooManyPages(ResumeRejected):
    def __init__(self, pages: int, limit: int) -> None:
        super().__init__(f"{pages} pages is over the {limit}-page limit")
        self.pages = pages
        self.limit = limit


class TextTooLong(ResumeRejected):
    def __init__(self, limit: int) -> None:
        super().__init__(f"text is over the {limit}-character limit")
        self.limit = limit


class EncryptedFile(ResumeRejected):
    def __init__(self) -> None:
        super().__init__("the file is password-protected")


class NoTextLayer(ResumeRejected):
    def __init__(self) -> None:
        super().__init__("the PDF has no text layer (a scan or images only)")


class EmptyDocument(ResumeRejected):
    def __init__(self) -> None:
        super().__init__("the document contains no text")


class NotEnoughText(ResumeRejected):
    def __init__(self, words: int) -> None:
        super().__init__(f"only {words} words of text: not a resume")
        self.words = words


class LooksLikeJobDescription(ResumeRejected):
    """Not a refusal: the user is asked whether it is their resume. `text` is what was read
    (for tailoring to it, when it is a job ad)."""

    def __init__(self, text: str = "") -> None:
        super().__init__("the document reads like a job description, not a resume")
        self.text = text


class BrokenFile(ResumeRejected):
    def __init__(self, detail: str) -> None:
        super().__init__(f"the file is damaged or unreadable: {detail}")
        self.detail = detail


class ParsingTimedOut(ResumeRejected):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"reading the file took longer than {seconds:g} s")
        self.seconds = seconds


class ParsingTooExpensive(ResumeRejected):
    def __init__(self) -> None:
        super().__init__("reading the file needed more memory than allowed")
