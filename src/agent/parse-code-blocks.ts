// Finding Python blocks in model text. A block opens with a line starting ```python (or ```py)
// and closes at the next line that is exactly ``` (trailing spaces allowed), so backticks inside
// code (print("```")) do not close it. A fence line may end in \r\n (models trained on Windows text
// write them). Linear in the text length.

export type CodeBlock = {
  /** The code between the fences. */
  code: string;
  /** Index of the opening fence. */
  start: number;
  /** Index just past the closing fence line (including its newline when present). */
  end: number;
};

export type BlockScan = { kind: 'complete'; block: CodeBlock } | { kind: 'open'; start: number } | { kind: 'none' };

const OPEN_RE = /^```(?:python|py|python3)[ \t]*$/;

/** The first python block at or after `from`: complete, still open (unclosed), or none. */
export function scanFirstBlock(text: string, from = 0): BlockScan {
  let lineStart = from;
  if (lineStart > 0 && text[lineStart - 1] !== '\n') {
    const next = text.indexOf('\n', lineStart);
    if (next < 0) return { kind: 'none' };
    lineStart = next + 1;
  }
  let open: { start: number; codeStart: number } | null = null;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (open === null) {
      if (line.startsWith('```') && OPEN_RE.test(line.trimEnd()))
        open = { start: lineStart, codeStart: newline < 0 ? text.length : newline + 1 };
    } else if (/^```[ \t]*\r?$/.test(line)) {
      // The code ends before the line break ahead of the fence, \r\n or \n.
      const codeEnd = lineStart - (text[lineStart - 2] === '\r' ? 2 : 1);
      const code = text.slice(open.codeStart, Math.max(open.codeStart, codeEnd));
      return { kind: 'complete', block: { code, start: open.start, end: newline < 0 ? text.length : newline + 1 } };
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return open ? { kind: 'open', start: open.start } : { kind: 'none' };
}

/** Every complete python block, in order. */
export function parseCodeBlocks(text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let from = 0;
  for (;;) {
    const scan = scanFirstBlock(text, from);
    if (scan.kind !== 'complete') return blocks;
    blocks.push(scan.block);
    from = scan.block.end;
  }
}

/** The text with every complete python block removed (where final answers are looked for). */
export function stripCodeBlocks(text: string): string {
  let out = '';
  let from = 0;
  for (const block of parseCodeBlocks(text)) {
    out += text.slice(from, block.start);
    from = block.end;
  }
  const rest = text.slice(from);
  const open = scanFirstBlock(rest, 0);
  return out + (open.kind === 'open' ? rest.slice(0, open.start) : rest);
}
