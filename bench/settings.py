"""Settings for the benchmark's servers: the project's settings plus a hello view, and a page-cache switch.

BENCH_PAGE_CACHE=0 switches the public page cache off (PUBLIC_PAGE_CACHE), so the same pages can be measured
uncached; everything else is what the environment (production-like, see bench.env) says.
"""

import os

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
PUBLIC_PAGE_CACHE = os.environ.get("BENCH_PAGE_CACHE", "1") != "0"
