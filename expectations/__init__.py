"""Great Expectations suites per raw input family (`suites/*.json`) and the pandas-route runner (`runner.py`).

Import-light on purpose: importing this package or `expectations.runner` does not import Great Expectations
(about 7–12 s); the runner imports it on the first validation of a non-empty table.
"""
