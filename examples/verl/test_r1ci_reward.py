"""Runs verl's entry points of r1ci_reward.py against a real `r1ci serve` (started by
test/interop/recipes.test.ts). Env: R1CI_VERIFY_URL, R1CI_TEST_QUESTIONS (a `--format trl` export,
whose rows carry the same task_id/seed/index as verl's extra_info), R1CI_TEST_PHASE (live | dead)."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import r1ci_reward  # noqa: E402

PHASE = os.environ.get("R1CI_TEST_PHASE", "live")


def verl_rows():
    """The arguments verl's reward managers pass, built from the exported questions."""
    with open(os.environ["R1CI_TEST_QUESTIONS"]) as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [
        {
            "data_source": "r1ci/" + row["task_id"],
            "ground_truth": row["answer"],
            "extra_info": {
                "split": "train",
                "index": row["index"],
                "task_id": row["task_id"],
                "seed": row["seed"],
                "num_turns": None,
                "rollout_reward_scores": {},
            },
        }
        for row in rows
    ]


@unittest.skipUnless(PHASE == "live", "service phase")
class LiveService(unittest.TestCase):
    def test_batch_scores_gold_one_and_garbage_zero(self):
        rows = verl_rows()
        self.assertGreaterEqual(len(rows), 1000)
        gold = r1ci_reward.compute_score_batch(
            [r["data_source"] for r in rows],
            ["Thus <<<%s>>>" % r["ground_truth"] for r in rows],
            [r["ground_truth"] for r in rows],
            [r["extra_info"] for r in rows],
        )
        garbage = r1ci_reward.compute_score_batch(
            [r["data_source"] for r in rows],
            ["<<<no idea>>>"] * len(rows),
            [r["ground_truth"] for r in rows],
            [r["extra_info"] for r in rows],
        )
        self.assertEqual(gold, [1.0] * len(rows))
        self.assertEqual(garbage, [0.0] * len(rows))

    def test_single_response_entry_point(self):
        row = verl_rows()[0]
        answer = "<<<%s>>>" % row["ground_truth"]
        score = r1ci_reward.compute_score
        self.assertEqual(score(row["data_source"], answer, row["ground_truth"], row["extra_info"]), 1.0)
        self.assertEqual(score(row["data_source"], "no answer", row["ground_truth"], row["extra_info"]), 0.0)

    def test_data_without_r1ci_names_is_refused(self):
        with self.assertRaisesRegex(ValueError, "r1ci tasks export --format verl"):
            r1ci_reward.compute_score("openai/gsm8k", "<<<1>>>", "1", {"split": "train", "index": 0})


@unittest.skipUnless(PHASE == "dead", "killed-service phase")
class KilledService(unittest.TestCase):
    def test_one_clear_error(self):
        row = verl_rows()[0]
        with self.assertRaises(r1ci_reward.R1ciServiceError) as caught:
            r1ci_reward.compute_score(row["data_source"], "<<<1>>>", row["ground_truth"], row["extra_info"])
        self.assertRegex(
            str(caught.exception), r"^r1ci service at http://\S+ is unreachable after 5 tries .*r1ci serve"
        )


if __name__ == "__main__":
    unittest.main()
