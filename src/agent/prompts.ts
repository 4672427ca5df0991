// The system prompts of the three agents (our own words for the paper's protocol): `ci` reasons
// and runs Python mid-answer, `text` reasons in text only, `code` writes one script whose output
// is the answer.
import type { AgentMode } from './types.js';

export const FEEDBACK_HEADER = 'Code Execution Results:';

const CI_PROMPT = `You solve problems by reasoning step by step, and you can run Python.
When computing, searching or checking would be more reliable than reasoning in your head, write Python code in a \
markdown block that starts with \`\`\`python and ends with \`\`\`.
Each block must be a complete, self-contained script (import what it uses, define what it needs) that prints the \
results you want to see.
Stop writing as soon as a code block is closed: the block will be run and its output shown to you after \
"${FEEDBACK_HEADER}". Then continue your reasoning; you may run more code, for instance to fix an error or to check a \
result.
When you are confident, end your answer with the final answer in the format the question asks for, enclosed in triple \
angle brackets: <<<answer>>>.`;

const TEXT_PROMPT = `You solve problems by reasoning step by step in plain text. Do not write code: no code will be run.
End your answer with the final answer in the format the question asks for, enclosed in triple angle brackets: \
<<<answer>>>.`;

const CODE_PROMPT = `You solve problems by writing one Python program. Reply with a single markdown block that starts \
with \`\`\`python and ends with \`\`\`, containing a complete, self-contained script that computes the answer and \
prints only the final answer, in the format the question asks for, enclosed in triple angle brackets: \
print(f"<<<{answer}>>>").
The script will be run and whatever it prints is taken as your answer, so do not print anything else and do not \
answer in text.`;

export function systemPromptFor(mode: AgentMode): string {
  switch (mode) {
    case 'ci':
      return CI_PROMPT;
    case 'text':
      return TEXT_PROMPT;
    case 'code':
      return CODE_PROMPT;
  }
}
