"""Taking in uploads over in-memory ports: what is stored, what the profile becomes."""

from __future__ import annotations

import pytest

from domain.errors import NotFound
from domain.profiles import set_field
from domain.resumes import FileTooLarge, LooksLikeJobDescription, NotEnoughText, UnsupportedFileType
from tests.conftest import SHARED_DATA
from tests.fakes import FakeClock, MemoryServices
from tests.memory_storage import MemoryUnitOfWorkFactory

RESUME = (SHARED_DATA / "resumes" / "harvey_dent_mle.pdf").read_bytes()
OTHER = (SHARED_DATA / "resumes" / "barry_allen_fe.pdf").read_bytes()
TEXT_RESUME = "\n".join(
    [
        "Kim Lee",
        "kim@example.com",
        "Experience",
        "Barista, Blue Bottle Coffee, 2019 - 2023",
        *["Served customers, trained new staff and managed the morning shift."] * 8,
    ]
).encode()


@pytest.fixture
def fakes() -> MemoryServices:
    return MemoryServices(MemoryUnitOfWorkFactory(), FakeClock())


async def user(fakes: MemoryServices) -> int:
    async with fakes.uow() as tx:
        created = await tx.users.add("Ann", fakes.clock.now())
        await tx.commit()
    return created.id


async def test_upload_is_stored_and_fills_profile(fakes: MemoryServices) -> None:
    services = fakes.build()
    user_id = await user(fakes)
    result = await services.intake.ingest(user_id, "../../etc/passwd cv.pdf", RESUME)
    assert (result.number, result.duplicate, result.resume.active) == (1, False, True)
    (stored,) = fakes.uow.data.resumes.values()
    assert stored.file_name == "passwd cv.pdf"
    assert stored.file_key in fakes.files.files
    assert fakes.files.files[stored.file_key] == RESUME
    assert stored.pages == 1
    assert stored.document.basics.name == "Harvey Dent"
    profile = fakes.uow.data.profiles[user_id]
    assert (profile.name, profile.title) == ("Harvey Dent", "Machine Learning Engineer")
    assert "PyTorch" in profile.skills
    assert profile.experience_years == pytest.approx(9.7, abs=0.1)  # mid-2016 to March 2026
    assert profile.education[0].startswith("Master of Science, Computer Science — MIT")


async def test_fields_set_by_hand_are_kept(fakes: MemoryServices) -> None:
    services = fakes.build()
    user_id = await user(fakes)
    async with fakes.uow() as tx:
        profile = set_field(await tx.profiles.get(user_id), "title", "AI Researcher")
        await tx.profiles.save(user_id, profile, fakes.clock.now())
        await tx.commit()
    result = await services.intake.ingest(user_id, "cv.pdf", RESUME)
    assert result.profile.title == "AI Researcher"
    assert result.profile.name == "Harvey Dent"


async def test_same_file_twice_is_recognised(fakes: MemoryServices) -> None:
    services = fakes.build()
    user_id = await user(fakes)
    await services.intake.ingest(user_id, "a.pdf", RESUME)
    await services.intake.ingest(user_id, "b.pdf", OTHER)
    again = await services.intake.ingest(user_id, "renamed.pdf", RESUME)
    assert (again.duplicate, again.number, again.resume.file_name) == (True, 1, "a.pdf")
    assert len(fakes.uow.data.resumes) == 2
    assert [r.active for r in await services.resumes.list(user_id)] == [True, False]
    assert fakes.extractor.calls == 2


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, UnsupportedFileType),
        (b"x" * (5 * 1024 * 1024 + 1), FileTooLarge),
        (b"Just a short note, not a resume.", NotEnoughText),
        (
            (SHARED_DATA / "job_descriptions" / "job_desc_java_developer.pdf").read_bytes(),
            LooksLikeJobDescription,
        ),
    ],
)
async def test_rejections_store_nothing(
    fakes: MemoryServices, data: bytes, error: type[Exception]
) -> None:
    services = fakes.build()
    user_id = await user(fakes)
    with pytest.raises(error):
        await services.intake.ingest(user_id, "file.pdf", data)
    assert fakes.uow.data.resumes == {}
    assert fakes.files.files == {}
    assert user_id not in fakes.uow.data.profiles


async def test_file_is_removed_when_the_database_write_fails(fakes: MemoryServices) -> None:
    services = fakes.build()
    user_id = await user(fakes)

    fakes.uow.fail_commits = True
    with pytest.raises(RuntimeError, match="disk full"):
        await services.intake.ingest(user_id, "cv.txt", TEXT_RESUME)
    assert fakes.files.files == {}


async def test_use_and_delete_renumber_and_refresh_profile(fakes: MemoryServices) -> None:
    services = fakes.build()
    user_id = await user(fakes)
    await services.intake.ingest(user_id, "harvey.pdf", RESUME)
    await services.intake.ingest(user_id, "kim.txt", TEXT_RESUME)
    assert fakes.uow.data.profiles[user_id].name == "Kim Lee"
    resume, profile = await services.resumes.use(user_id, 1)
    assert (resume.file_name, profile.name) == ("harvey.pdf", "Harvey Dent")
    deleted, active = await services.resumes.delete(user_id, 1)
    assert deleted.file_name == "harvey.pdf"
    assert active is not None
    assert active.file_name == "kim.txt"
    assert fakes.uow.data.profiles[user_id].name == "Kim Lee"
    assert len(fakes.files.files) == 1
    with pytest.raises(NotFound):
        await services.resumes.get(user_id, 2)


async def test_users_cannot_reach_each_others_resumes(fakes: MemoryServices) -> None:
    services = fakes.build()
    ann, bob = await user(fakes), await user(fakes)
    await services.intake.ingest(ann, "cv.pdf", RESUME)
    assert await services.resumes.list(bob) == []
    with pytest.raises(NotFound):
        await services.resumes.use(bob, 1)
    with pytest.raises(NotFound):
        await services.resumes.delete(bob, 1)
    # Bob uploading the same file gets his own copy, not Ann's.
    mine = await services.intake.ingest(bob, "same.pdf", RESUME)
    assert (mine.duplicate, mine.resume.user_id) == (False, bob)
