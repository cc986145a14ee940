"""The views of the commands, one module per family of commands: each a `drawing.View`
that draws its data (`parts`) and gives it to scripts (`to_json`, `rows`), for the
output door (`cli.output`) to print in the format asked for.

A module here imports the drawing engine and the layers below it, never another view
module: what views share (how an amount or a rate reads in a cell) is in `drawing`.
"""
