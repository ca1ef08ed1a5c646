"""Models of the workspace that several rule families read.

`shipping` answers "does this file run in production?" for the dependency rules; its helpers read
build-tool configuration as data (never executing it).
"""
