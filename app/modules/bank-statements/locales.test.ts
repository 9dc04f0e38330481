import { describe, expect, it } from 'vitest';
import cs from '../../locales/cs/bank.json';
import en from '../../locales/en/bank.json';
import uk from '../../locales/uk/bank.json';

// Every error code a parser can emit must have a message in each language.
const CODES = ['empty_file', 'unknown_format', 'gpc_unknown_record', 'gpc_record_length', 'gpc_bad_date', 'gpc_bad_amount', 'gpc_bad_posting_code', 'gpc_missing_header', 'camt_bad_xml', 'camt_bad_structure', 'camt_bad_date', 'camt_bad_amount', 'camt_missing_reference', 'fio_bad_json', 'fio_bad_structure', 'fio_missing_id', 'fio_bad_date', 'fio_bad_amount'];

describe('bank namespace', () => {
  it.each([['cs', cs], ['en', en], ['uk', uk]])('%s has every error message', (_l, json) => {
    expect(Object.keys(json.errors).sort()).toEqual([...CODES].sort());
  });
});
