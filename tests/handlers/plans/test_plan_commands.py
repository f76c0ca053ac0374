"""/plan, /plans, /tasks and /done with the offline planner."""

from __future__ import annotations

from tests.handlers.conversation_kit import Chat, texts

NO_PLAN = "You have no plan yet, so no tasks. Start one with /plan <goal>."


async def test_tasks_and_done_before_any_plan(chat: Chat) -> None:
    assert texts(await chat.say("/tasks")) == NO_PLAN
    assert texts(await chat.say("/done 1")) == NO_PLAN
    assert "no plans yet" in texts(await chat.say("/plans"))
    assert "couldn't find plan 3" in texts(await chat.say("/plan show 3"))
    assert "What's your goal?" in texts(await chat.say("/plan"))


async def test_plan_asks_what_it_needs_then_ticks_tasks_off(chat: Chat) -> None:
    asked = texts(await chat.say("/plan become a data engineer"))
    assert "What do you do now?" in asked
    assert "Which skills" in texts(await chat.say("Data Analyst"))
    assert "How many hours" in texts(await chat.say("SQL, Excel"))
    assert "between 1 and 60" in texts(await chat.say("lots"))
    made = texts(await chat.say("6"))
    assert made.startswith("Your plan: Data Engineer (made by my offline planner, 0% done)")
    tasks = texts(await chat.say("/tasks"))
    assert "1." in tasks
    done = texts(await chat.say("/done 1"))
    assert done.startswith("Done: ")
    assert "Plan progress:" in done
    assert "couldn't find task 99" in texts(await chat.say("/done 99"))
    assert texts(await chat.say("/done")).startswith("Which task?")
