// The kit's answer parsers: a two-way verdict read only in the words the question asked for.
import { describe, expect, it } from 'vitest';
import { parseBoolean, parseStringList } from './parsers.js';

describe('parseBoolean', () => {
  it('reads True/False in any case, in matching quotes, with a final period', () => {
    const table: [string, boolean | null][] = [
      ['True', true],
      ['false', false],
      [' TRUE ', true],
      ['"False"', false],
      ["'true'", true],
      ['False.', false],
      ['yes', null],
      ['No', null],
      ['maybe', null],
      ['', null],
      ['True False', null],
      ['"True', null],
    ];
    expect(table.map(([text]) => [text, parseBoolean(text, 'True/False')])).toEqual(table);
  });

  it('reads Yes/No the same way, and not True/False', () => {
    const table: [string, boolean | null][] = [
      ['Yes', true],
      ['no', false],
      ['`YES`', true],
      ['No.', false],
      ['true', null],
      ['False', null],
      ['y', null],
    ];
    expect(table.map(([text]) => [text, parseBoolean(text, 'Yes/No')])).toEqual(table);
  });
});

describe('parseStringList', () => {
  it('reads JSON and Python lists of strings, keeping numbers as text; null otherwise', () => {
    expect(parseStringList('["a", "b"]')).toEqual(['a', 'b']);
    expect(parseStringList("['a', 3]")).toEqual(['a', '3']);
    expect(parseStringList('[["a"]]')).toBeNull();
    expect(parseStringList('a, b')).toBeNull();
  });
});
