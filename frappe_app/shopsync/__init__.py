# The runner's version too (packages/runner/package.json): tests/test_release.py keeps them equal.
# bench (get_version_from_string) and flit (the dynamic version) read this line as written.
__version__ = "0.1.0"
