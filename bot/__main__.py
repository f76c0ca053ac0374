"""`python -m bot` runs the careerbot CLI."""

from bot.cli import main

raise SystemExit(main())
