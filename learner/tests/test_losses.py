"""Each loss against a naive per-position reference, masking, and the direction of its gradient."""
import math
import unittest

import torch

from learner import losses


def naive(kind, lp, old, adv, w, low=0.8, high=1.2):
    total = 0.0
    for t in range(len(lp)):
        if w[t] == 0:
            continue
        r = math.exp(lp[t] - old[t])
        if kind == "ce":
            total += -w[t] * lp[t]
        elif kind == "is":
            total += -w[t] * r * adv[t]
        else:
            total += -w[t] * min(r * adv[t], min(max(r, low), high) * adv[t])
    return total


class LossValues(unittest.TestCase):
    def setUp(self):
        g = torch.Generator().manual_seed(1)
        self.lp = -torch.rand(12, generator=g) * 3
        self.old = self.lp + (torch.rand(12, generator=g) - 0.5)
        self.adv = torch.randn(12, generator=g)
        self.w = torch.tensor([1, 1, 0, 1, 0.5, 1, 0, 1, 1, 1, 0, 2.0])

    def check(self, kind, loss):
        expected = naive(kind, self.lp.tolist(), self.old.tolist(), self.adv.tolist(), self.w.tolist())
        self.assertAlmostEqual(float(loss.sum()), expected, places=4)

    def test_cross_entropy_matches_naive(self):
        self.check("ce", losses.cross_entropy(self.lp, self.w)[0])

    def test_importance_sampling_matches_naive(self):
        self.check("is", losses.importance_sampling(self.lp, self.old, self.adv, self.w)[0])

    def test_ppo_matches_naive_and_counts_clipping(self):
        loss, metrics = losses.ppo(self.lp, self.old, self.adv, self.w, 0.8, 1.2)
        self.check("ppo", loss)
        ratio, a = (self.lp - self.old).exp(), self.adv
        clipped = [
            (w != 0) and min(max(r, 0.8), 1.2) * x < r * x
            for r, x, w in zip(ratio.tolist(), a.tolist(), self.w.tolist())
        ]
        self.assertEqual(metrics["clip_fraction:sum"], float(sum(clipped)))

    def test_dual_clip_caps_the_loss_of_negative_advantages(self):
        # r = e^2 ≈ 7.39: A = -1 costs 7.39 without the dual clip, 3 with c = 3; A = +1 is clipped to 1.2.
        lp, old = torch.tensor([0.0, 0.0, 0.0]), torch.tensor([-2.0, -2.0, -0.5])
        adv, w = torch.tensor([-1.0, 1.0, -1.0]), torch.ones(3)
        plain, _ = losses.ppo(lp, old, adv, w)
        dual, m = losses.ppo(lp, old, adv, w, dual_clip=3.0)
        self.assertAlmostEqual(float(plain[0]), math.exp(2.0), places=5)
        self.assertEqual([round(float(x), 5) for x in dual], [3.0, -1.2, round(math.exp(0.5), 5)])
        self.assertEqual(m["dual_clip_fraction:sum"], 1.0)
        lp.requires_grad_(True)
        loss, _ = losses.ppo(lp, old, adv, w, dual_clip=3.0)
        loss.sum().backward()
        self.assertEqual(float(lp.grad[0]), 0.0)  # the capped position no longer pushes

    def test_clip_higher_lets_a_positive_advantage_through_up_to_its_bound(self):
        # r = 1.25, A = 2 (DAPO's clip-higher). Bounds 0.8/1.2: min(1.25·2, 1.2·2) = 2.4, the clipped
        # term, so the loss is -2.4 and no gradient flows. Bounds 0.8/1.28: 1.25 is inside, the loss
        # is -r·A = -2.5 and d loss / d lp = -r·A = -2.5.
        old, adv, w = torch.zeros(1, dtype=torch.float64), torch.tensor([2.0], dtype=torch.float64), torch.ones(1)
        expected = {1.2: (-2.4, 0.0, 1.0), 1.28: (-2.5, -2.5, 0.0)}
        for high, (loss_value, gradient, clipped) in expected.items():
            lp = torch.tensor([math.log(1.25)], dtype=torch.float64, requires_grad=True)
            loss, m = losses.ppo(lp, old, adv, w, 0.8, high)
            loss.sum().backward()
            self.assertAlmostEqual(float(loss[0]), loss_value, places=9, msg=f"clip_high {high}")
            self.assertAlmostEqual(float(lp.grad[0]), gradient, places=9, msg=f"clip_high {high}")
            self.assertEqual(m["clip_fraction:sum"], clipped, msg=f"clip_high {high}")

    def test_masked_positions_contribute_nothing_even_with_garbage(self):
        garbage_old = self.old.clone()
        garbage_adv = self.adv.clone()
        masked = self.w == 0
        garbage_old[masked] = -1e9  # exp(lp - old) overflows to inf there
        garbage_adv[masked] = float("nan")
        for fn in (
            lambda o, a: losses.importance_sampling(self.lp, o, a, self.w)[0],
            lambda o, a: losses.ppo(self.lp, o, a, self.w)[0],
        ):
            clean, dirty = fn(self.old, self.adv), fn(garbage_old, garbage_adv)
            self.assertTrue(torch.isfinite(dirty).all())
            self.assertAlmostEqual(float(clean.sum()), float(dirty.sum()), places=5)
            self.assertTrue((dirty[masked] == 0).all())

    def test_low_var_kl_matches_k3_and_is_zero_at_reference(self):
        ref = self.old
        loss, _ = losses.low_var_kl(self.lp, ref, self.w, 0.5)
        expected = sum(
            0.5 * w * (math.exp(r - l) - (r - l) - 1)
            for l, r, w in zip(self.lp.tolist(), ref.tolist(), self.w.tolist())
        )
        self.assertAlmostEqual(float(loss.sum()), expected, places=4)
        self.assertAlmostEqual(float(losses.low_var_kl(ref, ref, self.w, 0.5)[0].sum()), 0.0, places=6)

    def test_value_loss_matches_half_squared_error(self):
        v, r = torch.randn(12), torch.randn(12)
        loss, _ = losses.value_loss(v, r, self.w, 2.0)
        expected = sum(2.0 * w * 0.5 * (a - b) ** 2 for a, b, w in zip(v.tolist(), r.tolist(), self.w.tolist()))
        self.assertAlmostEqual(float(loss.sum()), expected, places=4)

    def test_value_clip_takes_the_larger_of_the_clipped_and_unclipped_errors(self):
        # PPO's critic clip (verl cliprange_value), old values 0, clip 0.5, coefficient 1:
        #   V = 1, R = 1.5: unclipped (1 - 1.5)² = 0.25; clipped prediction 0.5, (0.5 - 1.5)² = 1.0
        #     is the larger, so the loss is 0.5 · 1.0 = 0.5 and, the clamp saturated, no gradient;
        #   V = 1, R = -1: unclipped (1 + 1)² = 4 beats clipped (0.5 + 1)² = 2.25: loss 2, gradient V - R = 2;
        #   V = 0.25, R = 1: inside the clip both are 0.5625: loss 0.28125, gradient -0.75.
        values = torch.tensor([1.0, 1.0, 0.25], dtype=torch.float64, requires_grad=True)
        returns = torch.tensor([1.5, -1.0, 1.0], dtype=torch.float64)
        old, w = torch.zeros(3, dtype=torch.float64), torch.ones(3)
        loss, m = losses.value_loss(values, returns, w, 1.0, old, 0.5)
        loss.sum().backward()
        self.assertEqual([round(float(x), 9) for x in loss], [0.5, 2.0, 0.28125])
        self.assertEqual([round(float(x), 9) for x in values.grad], [0.0, 2.0, -0.75])
        self.assertAlmostEqual(m["value_error:sum"], 1.0 + 4.0 + 0.5625, places=9)
        unclipped, _ = losses.value_loss(values.detach(), returns, w, 1.0, old, 0.0)  # clip 0: off
        self.assertEqual([round(float(x), 9) for x in unclipped], [0.125, 2.0, 0.28125])

    def test_entropy_of_uniform_is_log_v(self):
        self.assertAlmostEqual(float(losses.entropy(torch.zeros(3, 7))[0]), math.log(7), places=5)


class GradientDirections(unittest.TestCase):
    """One gradient-descent step on lp must move it in the sign of the advantage."""

    def step(self, loss_of, lp0):
        lp = lp0.clone().requires_grad_(True)
        loss_of(lp).sum().backward()
        return lp0 - 0.1 * lp.grad

    def test_importance_sampling_follows_advantage(self):
        lp0, adv = torch.full((4,), -1.0), torch.tensor([1.0, -1.0, 2.0, -0.5])
        new = self.step(lambda lp: losses.importance_sampling(lp, lp0, adv, torch.ones(4))[0], lp0)
        self.assertEqual(torch.sign(new - lp0).tolist(), torch.sign(adv).tolist())

    def test_ppo_follows_advantage_inside_the_clip_range(self):
        lp0, adv = torch.full((4,), -1.0), torch.tensor([1.0, -1.0, 2.0, -0.5])
        new = self.step(lambda lp: losses.ppo(lp, lp0, adv, torch.ones(4))[0], lp0)
        self.assertEqual(torch.sign(new - lp0).tolist(), torch.sign(adv).tolist())

    def test_ppo_has_no_gradient_once_clipped(self):
        old, adv = torch.full((2,), -1.0), torch.tensor([1.0, -1.0])
        lp = torch.tensor([-1.0 + math.log(1.5), -1.0 + math.log(0.5)], requires_grad=True)  # ratio 1.5 and 0.5
        losses.ppo(lp, old, adv, torch.ones(2))[0].sum().backward()
        self.assertEqual(lp.grad.tolist(), [0.0, 0.0])

    def test_kl_pulls_toward_the_reference(self):
        ref, lp0 = torch.tensor([-1.0, -1.0]), torch.tensor([-0.5, -2.0])
        new = self.step(lambda lp: losses.low_var_kl(lp, ref, torch.ones(2), 1.0)[0], lp0)
        self.assertLess(float((new - ref).abs().sum()), float((lp0 - ref).abs().sum()))
        self.assertEqual(torch.sign(new - lp0).tolist(), [-1.0, 1.0])

    def test_value_loss_moves_values_toward_returns(self):
        returns, v0 = torch.tensor([1.0, -2.0]), torch.tensor([0.0, 0.0])
        new = self.step(lambda v: losses.value_loss(v, returns, torch.ones(2), 1.0)[0], v0)
        self.assertEqual(torch.sign(new - v0).tolist(), torch.sign(returns).tolist())

    def test_masked_position_gets_zero_gradient(self):
        lp = torch.full((3,), -1.0, requires_grad=True)
        losses.ppo(lp, lp.detach(), torch.tensor([1.0, 1.0, 1.0]), torch.tensor([1.0, 0.0, 1.0]))[0].sum().backward()
        self.assertEqual(lp.grad[1].item(), 0.0)
