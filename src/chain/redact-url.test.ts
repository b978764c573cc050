import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('drops credentials, query strings and API keys in the path', () => {
    expect(redactUrl('https://user:secret@mainnet.infura.io/v3/0123456789abcdef0123456789abcdef?x=1')).toBe('https://mainnet.infura.io/v3/0123…');
    expect(redactUrl('http://rpcuser:rpcpass@127.0.0.1:8332/')).toBe('http://127.0.0.1:8332');
    expect(redactUrl('http://127.0.0.1:8545')).toBe('http://127.0.0.1:8545');
    expect(redactUrl('not a url')).toBe('(invalid URL)');
  });
});
