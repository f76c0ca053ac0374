"""`python -m bot` runs the careerbot CLI."""

from bot.cli import main

if __name__ == "__main__":  # guarded: forkserver children import the main module
    raise SystemExit(main())
