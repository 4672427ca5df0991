"""The r1ci learner: a Tinker-shaped training server on plain PyTorch (see server.py)."""
