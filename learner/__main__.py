"""`python -m learner` starts the server (see server.py)."""
import sys

from .server import main

sys.exit(main())
