"""Training jobs take the training thread count, minus cores another process keeps busy, and leave
the process's own count (sampling's) as it was."""
import builtins
import os
import unittest
from unittest import mock

import torch

from learner import service
from learner.service import Service, idle_cores
from learner.tests.helpers import temp_dir


def loadavg(running: int):
    real_open = builtins.open

    def fake_open(path, *args, **kwargs):
        if path == "/proc/loadavg":
            return mock.mock_open(read_data=f"0.50 0.40 0.30 {running}/321 4242\n")()
        return real_open(path, *args, **kwargs)

    return mock.patch.object(builtins, "open", fake_open)


class Threads(unittest.TestCase):
    def test_idle_cores_counts_runnable_threads_besides_the_caller(self):
        with mock.patch.object(os, "cpu_count", return_value=2), mock.patch.object(
            service, "own_runnable_threads", return_value=1
        ):
            with loadavg(1):
                self.assertEqual(idle_cores(7), 2)
            with loadavg(2):
                self.assertEqual(idle_cores(7), 1)
            with loadavg(25):
                self.assertEqual(idle_cores(7), 1)

    def test_own_runnable_threads_are_no_competitors(self):
        with mock.patch.object(os, "cpu_count", return_value=2), mock.patch.object(
            service, "own_runnable_threads", return_value=2
        ):
            with loadavg(2):
                self.assertEqual(idle_cores(7), 2)
            with loadavg(3):
                self.assertEqual(idle_cores(7), 1)

    def test_own_runnable_threads_counts_the_caller(self):
        self.assertGreaterEqual(service.own_runnable_threads(), 1)

    def test_idle_cores_falls_back_without_proc(self):
        def missing(path, *args, **kwargs):
            raise FileNotFoundError(path)

        with mock.patch.object(builtins, "open", missing):
            self.assertEqual(idle_cores(3), 3)

    def test_training_jobs_use_the_idle_cores_and_restore_the_count(self):
        before = torch.get_num_threads()
        svc = Service(temp_dir(), torch.device("cpu"), train_threads=2)
        seen = []
        with mock.patch.object(service, "idle_cores", return_value=2):
            svc.training(lambda: seen.append(torch.get_num_threads()))()
        with mock.patch.object(service, "idle_cores", return_value=1):
            svc.training(lambda: seen.append(torch.get_num_threads()))()
        self.assertEqual(seen, [2, 1])
        self.assertEqual(torch.get_num_threads(), before)

    def test_no_training_count_leaves_jobs_alone(self):
        job = lambda: 1  # noqa: E731
        self.assertIs(Service(temp_dir(), torch.device("cpu")).training(job), job)


if __name__ == "__main__":
    unittest.main()
