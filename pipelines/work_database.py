"""The work database as the pipeline opens it: the ground's waiting connection, with ingest's raw, restricted and
audit tables in place (the ground layer cannot know the tables of the layer above it)."""

from functools import partial

from ingest.raw_schema import create_all
from runtime import workdb

connect = partial(workdb.connect, prepare=create_all)
