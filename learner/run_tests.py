"""Run the learner's Python tests (stdlib unittest); the last line is `learner: N passed, N failed`.

    python learner/run_tests.py [pattern] [--times FILE]

With --times, each test's wall time is written to FILE as JSON ({"test id": seconds}), so the suite
can list its slowest tests.
"""
import json
import os
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))


class TimedResult(unittest.TextTestResult):
    """A text result that also keeps each test's wall time."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.times: dict = {}
        self._started = 0.0

    def startTest(self, test):
        self._started = time.perf_counter()
        super().startTest(test)

    def stopTest(self, test):
        self.times[test.id()] = time.perf_counter() - self._started
        super().stopTest(test)


def main(argv: list) -> int:
    import torch

    torch.set_num_threads(1)
    times_file = None
    if "--times" in argv:
        at = argv.index("--times")
        times_file = argv[at + 1]
        argv = argv[:at] + argv[at + 2 :]
    pattern = argv[0] if argv else "test_*.py"
    suite = unittest.defaultTestLoader.discover(
        os.path.join(HERE, "tests"), pattern=pattern, top_level_dir=os.path.dirname(HERE)
    )
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=1, resultclass=TimedResult)
    print(f"learner tests on torch {torch.__version__} ({sys.executable})")
    result = runner.run(suite)
    if times_file:
        with open(times_file, "w") as f:
            json.dump({"torch": torch.__version__, "times": result.times}, f)
    if result.testsRun == 0:
        print(f"learner: no test matches {pattern} (a file pattern, e.g. 'test_checkpoint*')")
        return 1
    failed = len(result.failures) + len(result.errors)
    passed = result.testsRun - failed - len(result.skipped)
    for reason in sorted({reason for _, reason in result.skipped}):
        print(f"skipped: {reason}")
    print(f"learner: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
