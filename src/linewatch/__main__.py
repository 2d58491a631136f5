"""`python -m linewatch`: the same as the `linewatch` command."""

from linewatch.cli import main

main()
