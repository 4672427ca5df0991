// SkyRL-tx's request models (skyrl/tinker/api.py at NovaSky-AI/SkyRL a9564572e) as validators that answer
// with pydantic's error list (type, loc, msg), the way FastAPI's 422 does. Unknown fields are ignored, as
// pydantic's default does; types are checked without pydantic's lax coercions (a number is never a string).
export type Issue = { type: string; loc: (string | number)[]; msg: string };
type Loc = (string | number)[];
type Check = (value: unknown, loc: Loc) => Issue[];
type Field = { check: Check; required: boolean };

const issue = (type: string, loc: Loc, msg: string): Issue[] => [{ type, loc, msg }];
const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
const str: Check = (v, loc) =>
  typeof v === 'string' ? [] : issue('string_type', loc, 'Input should be a valid string');
const int: Check = (v, loc) => (isInt(v) ? [] : issue('int_type', loc, 'Input should be a valid integer'));
const float: Check = (v, loc) =>
  typeof v === 'number' ? [] : issue('float_type', loc, 'Input should be a valid number');
const bool: Check = (v, loc) =>
  typeof v === 'boolean' ? [] : issue('bool_type', loc, 'Input should be a valid boolean');
const list =
  (item: Check): Check =>
  (v, loc) =>
    Array.isArray(v)
      ? v.flatMap((x, i) => item(x, [...loc, i]))
      : issue('list_type', loc, 'Input should be a valid list');
const dict =
  (value: Check): Check =>
  (v, loc) =>
    isObject(v)
      ? Object.entries(v).flatMap(([k, x]) => value(x, [...loc, k]))
      : issue('dict_type', loc, 'Input should be a valid dictionary');
const literal =
  (...values: string[]): Check =>
  (v, loc) =>
    values.includes(v as string)
      ? []
      : issue('literal_error', loc, `Input should be ${values.map((x) => `'${x}'`).join(' or ')}`);
const union =
  (...options: [string, Check][]): Check =>
  (v, loc) => {
    const all = options.map(([name, check]) => check(v, [...loc, name]));
    return all.some((issues) => issues.length === 0) ? [] : all.flat();
  };
const bound =
  (check: Check, ok: (v: number) => boolean, msg: string): Check =>
  (v, loc) => {
    const base = check(v, loc);
    return base.length || ok(v as number) ? base : issue('number_bound', loc, `Input should be ${msg}`);
  };
const pattern =
  (re: RegExp): Check =>
  (v, loc) =>
    str(v, loc).concat(
      typeof v === 'string' && !re.test(v)
        ? issue('string_pattern_mismatch', loc, `String should match pattern '${re.source}'`)
        : [],
    );

const required = (check: Check): Field => ({ check, required: true });
/** `X | None = None` or a field with a default: absent passes; null passes only when `nullable`. */
const optional = (check: Check, nullable = true): Field => ({
  check: (v, loc) => (v === null && nullable ? [] : check(v, loc)),
  required: false,
});

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function model(fields: Record<string, Field>, after?: (v: Record<string, unknown>) => string | undefined): Check {
  return (v, loc) => {
    if (!isObject(v))
      return issue('model_attributes_type', loc, 'Input should be a valid dictionary or object to extract fields from');
    const issues = Object.entries(fields).flatMap(([name, field]) => {
      if (v[name] === undefined) return field.required ? issue('missing', [...loc, name], 'Field required') : [];
      return field.check(v[name], [...loc, name]);
    });
    const message = issues.length === 0 ? after?.(v) : undefined;
    return message ? issue('value_error', loc, `Value error, ${message}`) : issues;
  };
}

const ID = /^[a-zA-Z0-9_-]+$/;
const modelInput = model({
  chunks: required(list(model({ type: optional(literal('encoded_text'), false), tokens: required(list(int)) }))),
});
const tensorData = model({ data: required(union(['list[int]', list(int)], ['list[float]', list(float)])) });
const ALLOWED_CONFIG: Record<string, string[]> = {
  cross_entropy: [],
  importance_sampling: [],
  ppo: ['clip_low_threshold', 'clip_high_threshold', 'value_clip'],
  gspo: ['clip_low_threshold', 'clip_high_threshold'],
  cispo: ['clip_low_threshold', 'clip_high_threshold'],
  ppo_critic: ['value_clip'],
  dppo: ['delta_low', 'delta_high'],
};
const forwardBackwardInput = model(
  {
    data: required(list(model({ loss_fn_inputs: required(dict(tensorData)), model_input: required(modelInput) }))),
    loss_fn: required(literal(...Object.keys(ALLOWED_CONFIG))),
    loss_fn_config: optional(dict(float)),
  },
  (v) => {
    const config = v.loss_fn_config as Record<string, number> | null | undefined;
    if (!config) return undefined;
    const allowed = ALLOWED_CONFIG[v.loss_fn as string];
    const invalid = Object.keys(config)
      .filter((k) => !allowed.includes(k))
      .sort();
    if (!invalid.length) return undefined;
    return allowed.length
      ? `Invalid loss_fn_config keys for loss_fn='${v.loss_fn as string}': ${JSON.stringify(invalid)}. Allowed ` +
          `keys: ${JSON.stringify([...allowed].sort())}.`
      : `loss_fn='${v.loss_fn as string}' does not accept loss_fn_config keys. Received: ${JSON.stringify(invalid)}.`;
  },
);
const samplingParams = model({
  max_tokens: optional(int),
  seed: optional(int),
  stop: optional(union(['list[int]', list(int)], ['list[str]', list(str)])),
  temperature: optional(float, false),
  top_k: optional(int, false),
  top_p: optional(float, false),
});
const unit = (check: Check) => bound(check, (x) => x >= 0 && x < 1, 'in [0, 1)');

const MODELS: Record<string, Check> = {
  '/api/v1/create_session': model({
    tags: required(list(str)),
    user_metadata: optional(dict(() => [])),
    sdk_version: required(str),
    type: optional(literal('create_session'), false),
  }),
  '/api/v1/session_heartbeat': model({ session_id: required(str) }),
  '/api/v1/create_sampling_session': model({
    session_id: required(str),
    sampling_session_seq_id: required(int),
    base_model: optional(str),
    model_path: optional(str),
  }),
  '/api/v1/create_model': model({
    session_id: required(str),
    base_model: required(str),
    lora_config: required(model({ rank: required(int), seed: optional(int) })),
    model_role: optional(str, false),
  }),
  '/api/v1/unload_model': model({ model_id: required(str), type: optional(str) }),
  '/api/v1/get_info': model({ model_id: required(str), type: optional(str) }),
  '/api/v1/forward_backward': model({
    model_id: required(str),
    forward_backward_input: required(forwardBackwardInput),
    seq_id: optional(int),
  }),
  '/api/v1/forward': model({
    model_id: required(str),
    forward_input: required(forwardBackwardInput),
    seq_id: optional(int),
  }),
  '/api/v1/optim_step': model({
    model_id: required(str),
    seq_id: optional(int),
    adam_params: required(
      model({
        learning_rate: optional(
          bound(float, (x) => x >= 0, '>= 0'),
          false,
        ),
        beta1: optional(unit(float), false),
        beta2: optional(unit(float), false),
        eps: optional(
          bound(float, (x) => x > 0, '> 0'),
          false,
        ),
        weight_decay: optional(
          bound(float, (x) => x >= 0, '>= 0'),
          false,
        ),
      }),
    ),
  }),
  '/api/v1/save_weights_for_sampler': model(
    {
      model_id: required(str),
      path: optional(pattern(ID)),
      sampling_session_seq_id: optional(int),
      seq_id: optional(int),
      type: optional(literal('save_weights_for_sampler'), false),
    },
    (v) =>
      !v.path && (v.sampling_session_seq_id == null || v.seq_id == null)
        ? "Either 'path' or both 'sampling_session_seq_id' and 'seq_id' must be provided"
        : undefined,
  ),
  '/api/v1/save_weights': model({
    model_id: required(str),
    path: required(pattern(ID)),
    type: optional(literal('save_weights')),
  }),
  '/api/v1/load_weights': model({
    model_id: required(str),
    path: required(str),
    optimizer: optional(bool, false),
    seq_id: optional(int),
    type: optional(literal('load_weights')),
  }),
  '/api/v1/asample': model(
    {
      num_samples: optional(int, false),
      prompt: required(modelInput),
      sampling_params: required(samplingParams),
      base_model: optional(str),
      model_path: optional(str),
      sampling_session_id: optional(str),
      seq_id: optional(int),
      prompt_logprobs: optional(bool),
      topk_prompt_logprobs: optional(
        bound(int, (x) => x >= 0, '>= 0'),
        false,
      ),
      type: optional(literal('sample'), false),
    },
    (v) => {
      if (v.sampling_session_id != null)
        return v.seq_id == null ? "'seq_id' must be provided when 'sampling_session_id' is used" : undefined;
      return (v.base_model == null) === (v.model_path == null)
        ? "When 'sampling_session_id' is not provided, exactly one of 'base_model' or 'model_path' must be provided"
        : undefined;
    },
  ),
  '/api/v1/retrieve_future': model({ request_id: required(str) }),
};

/** The issues FastAPI would list for this body (none for routes that take no body model). */
export function validate(path: string, body: unknown): Issue[] {
  const check = MODELS[path];
  return check ? check(body, ['body']) : [];
}
