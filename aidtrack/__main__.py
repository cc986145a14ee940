"""`python -m aidtrack` runs the command line."""

from .entry import main

main()
