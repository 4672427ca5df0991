"""The HTTP surface in process: auth, 4xx errors, size limit, futures with try_again, every verb."""
import json
import os
import threading
import urllib.error
import urllib.request


from learner.tests.helpers import ServedLearner
from learner.tiny import IM_END, encode


class Server(ServedLearner):
    max_body = 4096

    def call(self, verb, body=None, token="secret", raw=None):
        data = raw if raw is not None else json.dumps(body or {}).encode()
        request = urllib.request.Request(self.url + verb, data=data, headers={"Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def result(self, verb, body):
        status, future = self.call(verb, body)
        self.assertEqual(status, 200, future)
        while True:
            status, out = self.call("retrieve_future", {"request_id": future["request_id"], "wait_s": 1})
            if out.get("type") != "try_again":
                return out

    def test_wrong_token_is_refused(self):
        status, body = self.call("get_server_capabilities", token="nope")
        self.assertEqual((status, body["category"]), (401, "user"))

    def test_malformed_requests_get_4xx_with_a_message(self):
        self.assertEqual(self.call("create_session", raw=b"{not json")[0], 400)
        status, body = self.call("forward_backward", {"model_id": "missing"})
        self.assertEqual(status, 404)
        self.assertIn("create_model", body["error"])
        self.assertEqual(self.call("no_such_verb")[0], 404)
        self.assertEqual(self.call("retrieve_future", {})[0], 400)
        status, body = self.call("retrieve_future", {"request_id": "req-0", "wait_s": "soon"})
        self.assertEqual(status, 400)
        self.assertIn("wait_s must be a number", body["error"])

    def test_required_wire_fields_are_refused_not_defaulted(self):
        # A missing learning rate or token budget is the caller's bug: a 400 naming the field, never a guess.
        model_id = self.result("create_model", {"base_model": "tiny", "lora_config": {"rank": 2}})["model_id"]
        status, body = self.call("optim_step", {"model_id": model_id, "adam_params": {"grad_clip_norm": 1.0}})
        self.assertEqual(status, 400, body)
        self.assertIn("adam_params.learning_rate is missing", body["error"])
        status, body = self.call("optim_step", {"model_id": model_id, "adam_params": {"learning_rate": "fast"}})
        self.assertEqual(status, 400, body)
        self.assertIn("adam_params.learning_rate must be a number", body["error"])
        prompt = {"chunks": [{"type": "encoded_text", "tokens": encode("hi")}]}
        status, body = self.call(
            "asample", {"base_model": "tiny", "prompt": prompt, "sampling_params": {"temperature": 1.0}}
        )
        self.assertEqual(status, 400, body)
        self.assertIn("sampling_params.max_tokens is missing", body["error"])
        status, body = self.call(
            "asample", {"base_model": "tiny", "prompt": prompt, "sampling_params": {"max_tokens": 0}}
        )
        self.assertEqual(status, 400, body)
        self.assertIn("sampling_params.max_tokens must be a positive integer", body["error"])

    def test_oversized_request_is_refused(self):
        status, body = self.call("create_session", raw=b" " * 5000)
        self.assertEqual(status, 413)
        self.assertIn("limit", body["error"])

    def test_create_train_sample_round_trip(self):
        model_id = self.result("create_model", {"base_model": "tiny", "lora_config": {"rank": 4}})["model_id"]
        info = self.call("get_info", {"model_id": model_id})[1]
        self.assertEqual((info["is_lora"], info["model_data"]["arch"]), (True, "qwen2"))
        ids = encode("hi there") + [IM_END]
        datum = {
            "model_input": {"chunks": [{"type": "encoded_text", "tokens": ids[:-1]}]},
            "loss_fn_inputs": {"target_tokens": {"data": ids[1:], "dtype": "int64", "shape": [len(ids) - 1]}},
        }
        status, bad = self.call(
            "forward_backward", {"model_id": model_id, "forward_backward_input": {"data": [datum], "loss_fn": "dpo"}}
        )
        self.assertEqual(status, 400)
        out = self.result(
            "forward_backward",
            {"model_id": model_id, "forward_backward_input": {"data": [datum], "loss_fn": "cross_entropy"}},
        )
        self.assertEqual(len(out["loss_fn_outputs"][0]["logprobs"]["data"]), len(ids) - 1)
        step = self.result("optim_step", {"model_id": model_id, "adam_params": {"learning_rate": 0.01}})
        self.assertGreater(step["metrics"]["grad_norm"], 0)
        adapter = self.result(
            "save_weights_for_sampler", {"model_id": model_id, "path": "adapter-1", "adapter_only": True}
        )["path"]
        self.assertEqual(sorted(os.listdir(adapter)), ["adapter_config.json", "adapter_model.safetensors"])
        full = self.result("create_model", {"base_model": "tiny"})["model_id"]
        status, refused = self.call(
            "save_weights_for_sampler", {"model_id": full, "path": "adapter-2", "adapter_only": True}
        )
        self.assertEqual(status, 400)
        self.assertIn("LoRA", refused["error"])
        sample = self.result(
            "asample",
            {
                "model_id": model_id,
                "num_samples": 2,
                "prompt": {"chunks": [{"tokens": ids[:3]}]},
                "sampling_params": {"max_tokens": 4, "seed": 1},
            },
        )
        self.assertEqual([len(s["tokens"]) for s in sample["sequences"]], [4, 4])
        failed = self.result(
            "optim_step", {"model_id": model_id, "adam_params": {"learning_rate": 0.01}}
        )  # no gradients left
        self.assertEqual((failed["type"], failed["category"]), ("request_failed", "user"))


class FirstRequests(ServedLearner):
    def test_concurrent_first_create_models_of_tiny_all_succeed(self):
        # The first create_model of 'tiny' writes the preset; concurrent ones (two runs sharing a fresh learner)
        # must wait for it, not race on the same temporary folder.
        def create(results, index):
            request = urllib.request.Request(
                self.url + "create_model",
                data=json.dumps({"base_model": "tiny", "lora_config": {"rank": 2}}).encode(),
                headers={"Authorization": "Bearer secret"},
            )
            try:
                with urllib.request.urlopen(request) as response:
                    results[index] = response.status
            except Exception as e:  # a dropped connection is what the race looked like
                results[index] = repr(e)

        results = [None] * 4
        threads = [threading.Thread(target=create, args=(results, i)) for i in range(len(results))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(results, [200] * len(results))
