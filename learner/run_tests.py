"""Run the learner's Python tests (stdlib unittest); the last line is `learner: N passed, N failed`.

    python learner/run_tests.py [pattern]
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))


def main() -> int:
    import torch
    torch.set_num_threads(1)
    pattern = sys.argv[1] if len(sys.argv) > 1 else "test_*.py"
    suite = unittest.defaultTestLoader.discover(os.path.join(HERE, "tests"), pattern=pattern, top_level_dir=os.path.dirname(HERE))
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=1).run(suite)
    failed = len(result.failures) + len(result.errors)
    passed = result.testsRun - failed - len(result.skipped)
    for reason in sorted({reason for _, reason in result.skipped}):
        print(f"skipped: {reason}")
    print(f"learner: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
