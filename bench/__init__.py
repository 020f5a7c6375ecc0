"""`make bench` and `make load`: measure the site and the digest on loopback servers started for the run.

Run with `python -m bench` (the full benchmark, issue 13) or `python -m bench.load` (the load check).
"""
