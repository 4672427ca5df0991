"""Runs the TRL reward function of r1ci_reward.py against a real `r1ci serve` (started by
test/interop/recipes.test.ts), called the way GRPOTrainer calls it: prompts, completions and the
dataset's other columns as keyword lists. Env: R1CI_VERIFY_URL, R1CI_TEST_QUESTIONS (a
`--format trl` export), R1CI_TEST_PHASE (live | dead)."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import r1ci_reward  # noqa: E402

PHASE = os.environ.get("R1CI_TEST_PHASE", "live")


def dataset():
    with open(os.environ["R1CI_TEST_QUESTIONS"]) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def columns(rows):
    return {
        "task_id": [r["task_id"] for r in rows],
        "seed": [r["seed"] for r in rows],
        "index": [r["index"] for r in rows],
        "answer": [r["answer"] for r in rows],
        "trainer_state": None,
    }


@unittest.skipUnless(PHASE == "live", "service phase")
class LiveService(unittest.TestCase):
    def test_gold_one_and_garbage_zero_plain_and_conversational(self):
        rows = dataset()
        self.assertGreaterEqual(len(rows), 1000)
        prompts = [r["prompt"] for r in rows]
        gold = [[{"role": "assistant", "content": "I get <<<%s>>>" % r["answer"]}] for r in rows]
        self.assertEqual(r1ci_reward.reward(prompts, gold, **columns(rows)), [1.0] * len(rows))
        plain = ["<<<%s>>>" % r["answer"] for r in rows]
        self.assertEqual(r1ci_reward.reward(prompts, plain, **columns(rows)), [1.0] * len(rows))
        # A wrong answer earns at most the floor credit that some sources pay for any answer (Reasoning-Gym's
        # color_cube_rotation gives 0.01 to every wrong one); none is scored as right.
        garbage = r1ci_reward.reward(prompts, ["<<<garbage>>>"] * len(rows), **columns(rows))
        self.assertEqual(len(garbage), len(rows))
        self.assertLessEqual(max(garbage), 0.01)
        self.assertGreaterEqual(garbage.count(0.0), len(rows) * 0.9)

    def test_dataset_without_r1ci_columns_is_refused(self):
        with self.assertRaisesRegex(ValueError, "r1ci tasks export --format trl"):
            r1ci_reward.reward(["q"], ["<<<1>>>"])


@unittest.skipUnless(PHASE == "dead", "killed-service phase")
class KilledService(unittest.TestCase):
    def test_one_clear_error(self):
        rows = dataset()[:3]
        with self.assertRaises(r1ci_reward.R1ciServiceError) as caught:
            r1ci_reward.reward([r["prompt"] for r in rows], ["<<<1>>>"] * 3, **columns(rows))
        self.assertRegex(
            str(caught.exception), r"^r1ci service at http://\S+ is unreachable after 5 tries .*r1ci serve"
        )


if __name__ == "__main__":
    unittest.main()
