"""Recommending jobs end to end on SQLite: catalog import, embeddings, the numpy index,
filters, paging, actions — and the invariant that dismissed or applied jobs never return."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.jobs.catalog_index import NumpyCatalogIndex
from domain.errors import NotFound
from domain.jobs import (
    ApplicationTracker,
    EmbeddingIndexer,
    JobActions,
    JobCatalog,
    JobMatcher,
    ProfileTooThin,
    demo_jobs,
)
from domain.profiles import Profile, set_field
from storage.jobs.vectors import SqlVectorStore
from storage.unit_of_work import SqlUnitOfWorkFactory
from tests.conftest import DemoEngine
from tests.fakes import FakeClock, WordHashEmbedder


class World:
    def __init__(self, engine: AsyncEngine) -> None:
        self.uow = SqlUnitOfWorkFactory(engine)
        self.clock = FakeClock()
        embedder = WordHashEmbedder()
        vectors = SqlVectorStore(engine)
        indexer = EmbeddingIndexer(embedder, vectors, self.clock)
        self.index = NumpyCatalogIndex(self.uow, vectors, embedder.model_name, 64)
        self.catalog = JobCatalog(self.uow, indexer, self.clock)
        self.matcher = JobMatcher(self.uow, self.index, indexer, self.clock)
        self.actions = JobActions(self.uow, self.clock)
        self.applications = ApplicationTracker(self.uow, self.clock)

    async def user(self, **fields: str) -> int:
        async with self.uow() as tx:
            user_id = (await tx.users.add("Ann", self.clock.now())).id
            profile = Profile()
            for name, value in fields.items():
                profile = set_field(profile, name, value)
            await tx.profiles.save(user_id, profile, self.clock.now())
            await tx.commit()
        return user_id


@pytest.fixture
async def world(demo_engine: DemoEngine) -> World:
    return World(await demo_engine(FakeClock().now()))


async def test_matches_fit_the_profile_and_page(world: World) -> None:
    user = await world.user(target_roles="Data Engineer", skills="Python, SQL, Airflow")
    first = await world.matcher.matches(user, 1)
    second = await world.matcher.matches(user, 2)
    assert len(first) == len(second) == 5
    assert all("Data Engineer" in m.job.title for m in first)
    assert not {m.job.id for m in first} & {m.job.id for m in second}
    assert first[0].score >= first[-1].score >= second[0].score
    assert "you have Python, SQL, Apache Airflow" in first[0].reasons[0]


async def test_filters_apply(world: World) -> None:
    user = await world.user(
        target_roles="Data Engineer", skills="Python, SQL", locations="Berlin", remote="onsite"
    )
    found = await world.matcher.matches(user, 1)
    assert found
    assert all(m.job.city == "Berlin" and m.job.remote.value != "remote" for m in found)


async def test_empty_profile_is_told(world: World) -> None:
    with pytest.raises(ProfileTooThin):
        await world.matcher.matches(await world.user(), 1)


async def test_actions_and_tracking(world: World) -> None:
    user = await world.user(target_roles="Product Manager", skills="Agile, Jira")
    top = (await world.matcher.matches(user, 1))[0].job
    saved = await world.actions.act(user, top.id or 0, "save")
    assert saved.application is not None
    assert (await world.actions.act(user, top.id or 0, "save")).already
    applied = await world.actions.act(user, top.id or 0, "applied")
    assert applied.application is not None
    assert applied.application.status.value == "applied"
    assert top.id not in {m.job.id for m in await world.matcher.matches(user, 1)}
    (tracked,) = await world.applications.all(user)
    assert tracked.job_id == top.id
    moved = await world.applications.set_status(user, 1, "interview")
    assert moved.status.value == "interviewing"
    _, events = await world.applications.history(user, 1)
    assert [e.status.value for e in events] == ["saved", "applied", "interviewing"]
    _, duplicate = await world.applications.add(user, top.company.upper(), top.title, None)
    assert duplicate
    with pytest.raises(NotFound):
        await world.actions.act(user, 99_999, "save")


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["dismiss", "applied", "save", "page"]),
            st.integers(min_value=0, max_value=4),
        ),
        max_size=12,
    )
)
async def test_dismissed_and_applied_never_come_back(
    world: World, steps: list[tuple[str, int]]
) -> None:
    user = await world.user(target_roles="Software Engineer", skills="Python, JavaScript, SQL")
    gone: set[int] = set()
    page = 1
    for action, pick in steps:
        shown = await world.matcher.matches(user, page)
        assert not gone & {m.job.id for m in shown}
        if action == "page":
            page = page % 3 + 1
        elif shown:
            job_id = shown[pick % len(shown)].job.id or 0
            await world.actions.act(user, job_id, action)
            if action in ("dismiss", "applied"):
                gone.add(job_id)
    for p in (1, 2, 3):
        assert not gone & {m.job.id for m in await world.matcher.matches(user, p)}


async def test_index_picks_up_new_jobs_incrementally(world: World) -> None:
    await world.index.refresh()
    before = len(world.index)
    await world.catalog.import_jobs(demo_jobs(5, seed=99))
    await world.index.refresh()
    assert len(world.index) == before + 5
