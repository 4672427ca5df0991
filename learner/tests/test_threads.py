"""Training and sampling jobs take their thread count, minus the cores other processes kept busy over
the last half second, and leave the process's own count as it was; the thread count changes no float
of what is sampled or trained."""
import os
import unittest
from unittest import mock

import torch

from learner import service, trainer
from learner.model import CausalLM, init_weights
from learner.sampling import Request, SamplingParams, sample_many
from learner.service import OtherLoad, Service, idle_cores
from learner.tests.helpers import temp_dir
from learner.tiny import tiny_config

HZ = service.TICKS_PER_S


def load_of(*samples) -> OtherLoad:
    """An OtherLoad fed these (seconds, machine busy ticks, own ticks) samples, with no thread."""
    with mock.patch.object(OtherLoad, "read", return_value=samples[0]):
        load = OtherLoad(window_s=0.5, start=False)
    for sample in samples[1:]:
        load.record(sample)
    return load


class OtherLoadTest(unittest.TestCase):
    def test_counts_the_machines_busy_time_less_our_own(self):
        # Over 0.5 s the machine was busy 1.5 cores' worth, of which 1.0 was this process.
        load = load_of((10.0, 0, 0), (10.5, int(0.75 * HZ), int(0.5 * HZ)))
        self.assertAlmostEqual(load.busy, 0.5, places=1)

    def test_an_idle_machine_busy_with_us_alone_has_no_other_load(self):
        load = load_of((10.0, 100, 50), (10.5, 100 + HZ, 50 + HZ))
        self.assertEqual(load.busy, 0.0)

    def test_a_window_shorter_than_half_gives_no_answer_yet(self):
        load = load_of((10.0, 0, 0), (10.1, HZ, 0))
        self.assertIsNone(load.busy)

    def test_old_samples_leave_the_window(self):
        # Busy at first (another process on a whole core), then quiet for the last second.
        load = load_of((0.0, 0, 0), (0.5, int(0.5 * HZ), 0), (1.0, int(0.5 * HZ), 0), (1.5, int(0.5 * HZ), 0))
        self.assertEqual(load.busy, 0.0)

    def test_reads_this_machine(self):
        load = OtherLoad(window_s=0.2, start=False)
        if load.read() is None:
            self.skipTest("no /proc")
        load.record((load.samples[0][0] + 0.2,) + load.read()[1:])
        self.assertGreaterEqual(load.busy, 0.0)


class IdleCores(unittest.TestCase):
    def cores(self, busy, cpus=2):
        fake = mock.Mock(busy=busy)
        with mock.patch.object(service, "other_load", return_value=fake), mock.patch.object(
            os, "cpu_count", return_value=cpus
        ):
            return idle_cores(7)

    def test_a_core_counts_as_busy_from_three_tenths_on(self):
        self.assertEqual(self.cores(0.0), 2)
        self.assertEqual(self.cores(0.25), 2)
        self.assertEqual(self.cores(0.5), 1)
        self.assertEqual(self.cores(1.9), 1)
        self.assertEqual(self.cores(1.0, cpus=8), 7)

    def test_unknown_load_falls_back(self):
        self.assertEqual(self.cores(None), 7)


class Jobs(unittest.TestCase):
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

    def test_sampling_jobs_use_the_sampling_count(self):
        svc = Service(temp_dir(), torch.device("cpu"), train_threads=1, sample_threads=2)
        seen = []
        with mock.patch.object(service, "idle_cores", return_value=2):
            svc.on_idle_cores(lambda: seen.append(torch.get_num_threads()), svc.sample_threads)()
        self.assertEqual(seen, [2])

    def test_no_count_leaves_jobs_alone(self):
        job = lambda: 1  # noqa: E731
        self.assertIs(Service(temp_dir(), torch.device("cpu")).training(job), job)


class SameFloats(unittest.TestCase):
    """The tiny preset's shape (d=256): at this size torch's fused CPU attention splits its sums by
    thread count, so sampling with it gave other logprobs on 2 threads than on 1."""

    def setUp(self):
        self.before = torch.get_num_threads()
        self.model = CausalLM(tiny_config())
        init_weights(self.model, 0)

    def tearDown(self):
        torch.set_num_threads(self.before)

    def test_sampling_gives_the_same_tokens_and_logprobs_on_1_and_2_threads(self):
        g = torch.Generator().manual_seed(0)
        # Prompts of different lengths: a left-padded batch, as concurrent episodes make.
        requests = [
            Request(torch.randint(0, 256, (30 + 9 * i,), generator=g).tolist(), 2, SamplingParams(12, 1.0, seed=i))
            for i in range(4)
        ]
        table = [bytes([i]) for i in range(256)] + [b""] * 3
        runs = []
        for threads in (1, 2):
            torch.set_num_threads(threads)
            out = sample_many(self.model, requests, table, torch.device("cpu"))
            runs.append([(s.tokens, s.logprobs) for many in out for s in many])
        self.assertEqual(runs[0], runs[1])

    def test_training_gives_the_same_gradients_on_1_and_2_threads(self):
        g = torch.Generator().manual_seed(1)
        data = []
        for n in (120, 150, 90):
            tokens = torch.randint(0, 256, (n + 1,), generator=g)
            data.append(trainer.Datum(tokens[:-1].tolist(), {"target_tokens": tokens[1:]}))
        grads = []
        for threads in (1, 2):
            torch.set_num_threads(threads)
            self.model.zero_grad()
            trainer.run(trainer.Trainable(self.model, None, torch.device("cpu")), data, "cross_entropy", {}, True)
            grads.append([p.grad.clone() for p in self.model.parameters()])
        for a, b in zip(*grads):
            self.assertTrue(torch.equal(a, b))


if __name__ == "__main__":
    unittest.main()
