"""The one compiled module, `ingest.iwmo._snel` (the fast path for the frequent iWmo message types).

It reads lxml's element objects and libxml2's tree through the headers that the pinned lxml wheel ships, so it is
built against exactly that lxml (`[build-system] requires` in pyproject.toml). Everything else is in pyproject.toml.
"""

import lxml
from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "ingest.iwmo._snel",
            sources=["ingest/iwmo/_snel.c"],
            include_dirs=lxml.get_include(),
            define_macros=[
                ("SNEL_LXML_VERSIE", f'"{lxml.__version__}"')
            ],  # checked at import (ingest/iwmo/snel.py)
            extra_compile_args=[
                "-O2",
                "-Wall",
                "-Wextra",
                "-Wno-unused-parameter",
                "-Werror=implicit-function-declaration",
            ],
        )
    ]
)
