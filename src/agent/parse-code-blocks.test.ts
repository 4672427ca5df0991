// Code-block scanning on line endings other than \n: a CRLF fence closes a block like an LF one.
import { describe, expect, it } from 'vitest';
import { scanFirstBlock, stripCodeBlocks } from './parse-code-blocks.js';

describe('code blocks with CRLF line endings', () => {
  const turn = '```python\r\nprint(5)\r\n```\r\nSo <<<5>>>';

  it('a CRLF closing fence followed by text closes the block', () => {
    expect(scanFirstBlock(turn)).toEqual({
      kind: 'complete',
      block: { code: 'print(5)', start: 0, end: turn.indexOf('So') },
    });
  });

  it('the text after a CRLF block stays readable as prose', () => {
    expect(stripCodeBlocks(turn)).toBe('So <<<5>>>');
  });

  it('CRLF inside the code is kept as code, only the fence line ending is dropped', () => {
    const text = '```python\r\nx = 1\r\nprint(x)\r\n```\r\n';
    expect(scanFirstBlock(text)).toEqual({
      kind: 'complete',
      block: { code: 'x = 1\r\nprint(x)', start: 0, end: text.length },
    });
  });
});
