"""seq_id de-duplication: a retried training request (same model_id and seq_id, as the Tinker SDK and SkyRL-tx
number them) gets the first request's future back and is not applied twice; a reused seq_id with another body
is a 409."""
import json
import unittest
import urllib.error
import urllib.request

import torch

from learner.tests.helpers import ServedLearner
from learner.tiny import IM_END, encode


class SeqId(ServedLearner):
    max_body = 1 << 20

    def call(self, verb, body):
        data = json.dumps(body).encode()
        request = urllib.request.Request(self.url + verb, data=data, headers={"X-API-Key": "secret"})
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def wait(self, request_id):
        while True:
            status, out = self.call("retrieve_future", {"request_id": request_id, "wait_s": 1})
            self.assertEqual(status, 200, out)
            if out.get("type") != "try_again":
                return out

    def lora_weights(self, model_id):
        model = self.service.models[model_id].model
        return {n: p.detach().clone() for n, p in model.named_parameters() if p.requires_grad}

    def test_a_retried_request_is_applied_once(self):
        created = self.call("create_model", {"base_model": "tiny", "lora_config": {"rank": 2}})[1]
        model_id = self.wait(created["request_id"])["model_id"]
        params = self.service.models[model_id].model.named_parameters
        ids = encode("retry me") + [IM_END]
        datum = {
            "model_input": {"chunks": [{"type": "encoded_text", "tokens": ids[:-1]}]},
            "loss_fn_inputs": {"target_tokens": {"data": ids[1:], "dtype": "int64", "shape": [len(ids) - 1]}},
        }
        fb = {
            "model_id": model_id,
            "seq_id": 1,
            "forward_backward_input": {"data": [datum], "loss_fn": "cross_entropy"},
        }
        first = self.call("forward_backward", fb)[1]["request_id"]
        self.wait(first)
        grads = {n: p.grad.clone() for n, p in params() if p.grad is not None}
        self.assertEqual(self.call("forward_backward", fb), (200, {"request_id": first}))
        after = {n: p.grad for n, p in params() if p.grad is not None}
        same = grads and all(torch.equal(grads[n], after[n]) for n in grads)
        self.assertTrue(same, "the retry accumulated gradients again")

        step = {"model_id": model_id, "seq_id": 2, "adam_params": {"learning_rate": 0.01}}
        before = self.lora_weights(model_id)
        request_id = self.call("optim_step", step)[1]["request_id"]
        self.assertEqual(self.wait(request_id)["type"], "optim_step")
        once = self.lora_weights(model_id)
        self.assertTrue(any(not torch.equal(before[n], once[n]) for n in before))
        self.assertEqual(self.call("optim_step", step), (200, {"request_id": request_id}))
        self.assertEqual(self.wait(request_id)["type"], "optim_step")
        twice = self.lora_weights(model_id)
        same = all(torch.equal(once[n], twice[n]) for n in once)
        self.assertTrue(same, "the retried optim_step changed the weights again")
        self.assertEqual(self.service.models[model_id].steps, 1)

        status, body = self.call("optim_step", {**step, "adam_params": {"learning_rate": 0.02}})
        self.assertEqual(status, 409)
        self.assertIn("seq_id 2", body["error"])
        # Requests without a seq_id (r1ci's own JSON clients before sessions) are never de-duplicated.
        unnumbered = {k: v for k, v in fb.items() if k != "seq_id"}
        self.call("forward_backward", unnumbered)
        self.assertNotEqual(self.call("forward_backward", unnumbered)[1]["request_id"], first)


if __name__ == "__main__":
    unittest.main()
