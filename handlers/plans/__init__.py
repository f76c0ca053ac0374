"""/plan, /plans, /tasks and /done."""
