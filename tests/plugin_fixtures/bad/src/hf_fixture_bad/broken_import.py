"""A plugin that cannot be imported."""

import hf_fixture_module_that_does_not_exist  # noqa: F401
