// Model backends: token backends (rollouts on our models, vLLM/SGLang) and chat backends (API models).
export * from './types.js';
export * from './tokenizer.js';
export * from './retry.js';
export * from './scripted/scripted-backend.js';
export * from './openai-compatible/client.js';
export * from './openai-compatible/chat.js';
export * from './openai-compatible/completions.js';
