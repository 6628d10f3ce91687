"""The one place where settings are read from the environment.

Every setting that differs between machines comes from an environment variable read here;
``docs/`` and the README list them all. Values without a default are required: reading them
raises ``ImproperlyConfigured`` with the variable's name.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
_env_file = BASE_DIR / ".env"
if _env_file.is_file():  # pragma: no cover - local convenience only
    environ.Env.read_env(_env_file, overwrite=False)
