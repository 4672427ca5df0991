// The service module: r1ci as an environment for other trainers (verification over HTTP beside the
// sandbox, question sets in verl's and TRL's layouts).
export * from './types.js';
export * from './verifier.js';
export * from './server.js';
export * from './question-export.js';
