"""Live parity with Hugging Face transformers on the CPU in fp32: the learner loads folders of both
config layouts and matches transformers' logits and loss (<= 1e-4) and gradients, on padded batches."""
import unittest

import torch
import torch.nn.functional as F

from learner import hf, trainer
from learner.tests.parity import MISSING, SHAPES, batch, left_padded, reference, relative

TOL = 1e-4


def learner_loss_and_grads(model, tokens, mask):
    """Summed next-token cross-entropy over real positions, through trainer.run, and the gradients."""
    t = trainer.Trainable(model, None, torch.device("cpu"))
    data = []
    for row, m in zip(tokens, mask):
        n = int(m.sum())
        targets = torch.cat([row[1:n], torch.zeros(1, dtype=torch.long)])
        weights = torch.ones(n)
        weights[-1] = 0.0
        data.append(trainer.Datum(row[:n].tolist(), {"target_tokens": targets, "weights": weights}))
    loss = trainer.run(t, data, "cross_entropy", {}, backward=True)["metrics"]["loss:sum"]
    return loss, {k: p.grad for k, p in model.named_parameters()}


def reference_loss_and_grads(model, tokens, mask):
    model.zero_grad()
    logits = model(input_ids=tokens, attention_mask=mask).logits
    labels = torch.where(mask[:, 1:] == 1, tokens[:, 1:], torch.full_like(tokens[:, 1:], -100))
    loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), labels.reshape(-1), reduction="sum")
    loss.backward()
    return float(loss.detach()), {k: p.grad for k, p in model.named_parameters()}


@unittest.skipIf(MISSING, MISSING or "")
class TransformersParity(unittest.TestCase):
    def test_logits_loss_and_gradients_match_in_both_layouts(self):
        tokens, mask = batch()
        for name in SHAPES:
            theirs, hub, native = reference(name)
            with torch.no_grad():
                want = theirs(input_ids=tokens, attention_mask=mask).logits
            want_loss, want_grads = reference_loss_and_grads(theirs, tokens, mask)
            for layout, folder in (("hub", hub), ("transformers-5", native)):
                with self.subTest(shape=name, layout=layout):
                    ours = hf.load_model(folder).eval()
                    with torch.no_grad():
                        got = ours(tokens)
                    real = mask.bool()
                    self.assertLess(float((got - want)[real].abs().max()), TOL)
                    loss, grads = learner_loss_and_grads(ours, tokens, mask)
                    self.assertLess(abs(loss - want_loss) / abs(want_loss), TOL)
                    for key, grad in grads.items():
                        other = want_grads[key if key in want_grads else "model.embed_tokens.weight"]
                        self.assertLess(relative(grad, other), 1e-4, key)

    def test_left_padded_sampling_batch_matches(self):
        """The sampler's layout: rows padded on the left, each at its own positions."""
        tokens, mask, pad = left_padded(*batch())
        positions = (mask.cumsum(-1) - 1).clamp(min=0)
        for name in SHAPES:
            theirs, _, native = reference(name)
            ours = hf.load_model(native).eval()
            with torch.no_grad():
                want = theirs(input_ids=tokens, attention_mask=mask, position_ids=positions).logits
                got = ours(tokens, pad=pad, key_mask=mask.bool())
            with self.subTest(shape=name):
                self.assertLess(float((got - want)[mask.bool()].abs().max()), TOL)

    def test_rope_settings_are_read_from_rope_parameters(self):
        """transformers 5 folders keep theta (and Llama's scaling) only in rope_parameters."""
        for name in ("qwen2.5-untied", "llama3.1"):
            theirs, _, native = reference(name)
            ours = hf.load_model(native)
            with self.subTest(shape=name):
                self.assertEqual(ours.config.rope_theta, theirs.config.rope_parameters["rope_theta"])
        # The test batch is long enough for llama3 scaling to matter: without it the logits move.
        ours.config.rope_scaling = None
        tokens, mask = batch()
        with torch.no_grad():
            self.assertGreater(float((ours(tokens) - theirs(input_ids=tokens).logits).abs().max()), 1e-2)
