"""config.json reading: both RoPE layouts, and refusal by name of keys that change the maths."""
import unittest

from learner.config import ConfigError, config_from_hf, config_to_hf

BASE = {
    "architectures": ["Qwen2ForCausalLM"],
    "model_type": "qwen2",
    "vocab_size": 300,
    "hidden_size": 64,
    "intermediate_size": 128,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "rope_theta": 1000000.0,
    "use_sliding_window": False,
    "sliding_window": 32768,
    "attention_dropout": 0.0,
}


class Layouts(unittest.TestCase):
    def test_rope_parameters_and_top_level_give_the_same_config(self):
        hub = config_from_hf(dict(BASE))
        native = {k: v for k, v in BASE.items() if k != "rope_theta"}
        native["rope_parameters"] = {"rope_theta": 1000000.0, "rope_type": "default"}
        self.assertEqual(config_from_hf(native).rope_theta, hub.rope_theta)
        self.assertEqual(hub.rope_theta, 1000000.0)

    def test_llama3_scaling_round_trips_through_the_hub_layout(self):
        scaling = {
            "rope_type": "llama3",
            "factor": 8.0,
            "low_freq_factor": 1.0,
            "high_freq_factor": 4.0,
            "original_max_position_embeddings": 8192,
        }
        data = dict(
            BASE, architectures=["LlamaForCausalLM"], model_type="llama", rope_theta=500000.0, rope_scaling=scaling
        )
        config = config_from_hf(data)
        self.assertEqual(config.rope_scaling, scaling)
        self.assertEqual(config_from_hf(config_to_hf(config)).rope_scaling, scaling)
        self.assertNotIn("rope_parameters", config_to_hf(config))


class Refusals(unittest.TestCase):
    def refused(self, data: dict, name: str) -> None:
        with self.assertRaises(ConfigError) as caught:
            config_from_hf(data)
        self.assertIn(name, str(caught.exception))
        self.assertNotIn("\n", str(caught.exception))

    def test_unknown_key_is_refused_by_name(self):
        self.refused(dict(BASE, logit_scale=2.0), "logit_scale")

    def test_known_key_with_a_maths_changing_value_is_refused_by_name(self):
        self.refused(dict(BASE, use_sliding_window=True), "use_sliding_window")
        self.refused(dict(BASE, hidden_act="gelu"), "hidden_act")
        self.refused(dict(BASE, layer_types=["full_attention", "sliding_attention"]), "layer_types")
        self.refused(dict(BASE, quantization_config={"quant_method": "awq"}), "quantization_config")

    def test_unsupported_rope_scaling_is_refused_in_either_layout(self):
        self.refused(dict(BASE, rope_scaling={"rope_type": "yarn", "factor": 4.0}), "yarn")
        self.refused(dict(BASE, rope_parameters={"rope_type": "linear", "factor": 2.0, "rope_theta": 1e6}), "linear")
        mrope = {"rope_type": "default", "mrope_section": [16, 24, 24]}
        self.refused(dict(BASE, rope_parameters=mrope), "mrope_section")

    def test_neutral_values_are_accepted(self):
        config = config_from_hf(dict(BASE, layer_types=["full_attention"] * 2, mlp_bias=False, hidden_act="silu"))
        self.assertEqual(config.architecture, "qwen2")
