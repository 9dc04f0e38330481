import { describe, expect, it } from 'vitest';
import cs from '../../locales/cs/bank.json';
import en from '../../locales/en/bank.json';
import uk from '../../locales/uk/bank.json';
import { STATEMENT_ERROR_CODES } from './types';

// Every error code a parser can emit (the list the StatementError type is built from) has a message in each language.
const CODES = STATEMENT_ERROR_CODES;

describe('bank namespace', () => {
  it.each([['cs', cs], ['en', en], ['uk', uk]])('%s has every error message', (_l, json) => {
    expect(Object.keys(json.errors).sort()).toEqual([...CODES].sort());
  });
});
