import { describe, expect, it } from 'vitest';
import { TRANSFER_TOPIC, decodeTransferLog } from './erc20-transfer-log.js';

const word = (hex: string) => `0x${hex.padStart(64, '0')}`;
const FROM = '6b75d8af000000e20b7a7ddf000ba900b4009a80';
const TO = '7054b0f980a7eb5b3a6b3446f3c947d80162775c';

describe('ERC-20 Transfer logs', () => {
  it('decodes the standard form: from/to indexed, value in data', () => {
    expect(decodeTransferLog([TRANSFER_TOPIC, word(FROM), word(TO)], word('61ec933f00000000'))).toEqual({
      from: `0x${FROM}`,
      to: `0x${TO}`,
      amount: 7056176614974947328n,
      nonFungible: false,
    });
  });

  it('reads tokens that index nothing, and flags the ERC-721 shape (token id indexed)', () => {
    expect(decodeTransferLog([TRANSFER_TOPIC], `${word(FROM)}${word(TO).slice(2)}${word('05').slice(2)}`)).toMatchObject({ amount: 5n, nonFungible: false });
    expect(decodeTransferLog([TRANSFER_TOPIC, word(FROM), word(TO), word('2a')], '0x')).toMatchObject({ amount: 42n, nonFungible: true });
  });

  it('ignores other events and malformed data', () => {
    expect(decodeTransferLog([word('e3e6ac9b8af8d4194beda053cf95abee2ac870c4fb5f26505181ef1d438512bf'), word(FROM), word(TO)], word('01'))).toBeUndefined();
    expect(decodeTransferLog([TRANSFER_TOPIC, word(FROM), word(TO)], '0x1234')).toBeUndefined();
    expect(decodeTransferLog([TRANSFER_TOPIC, word(FROM), word(TO)], `${word('01')}${word('02').slice(2)}`)).toBeUndefined();
    expect(decodeTransferLog([], '0x')).toBeUndefined();
  });
});
