"""`python -m aidtrack` runs the command line."""

from .cli import main

main()
