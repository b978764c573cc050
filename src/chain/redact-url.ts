/**
 * A node URL safe to print and store: no user/password, no query string, and long path segments (API keys
 * such as Infura's `/v3/<key>`) cut to their first four characters.
 *
 * @example
 * redactUrl('https://user:secret@mainnet.infura.io/v3/0123456789abcdef0123456789abcdef') // 'https://mainnet.infura.io/v3/0123…'
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(invalid URL)';
  }
  const path = parsed.pathname
    .split('/')
    .map((segment) => (segment.length >= 16 && /^[A-Za-z0-9_-]+$/.test(segment) ? `${segment.slice(0, 4)}…` : segment))
    .join('/');
  return `${parsed.protocol}//${parsed.host}${path === '/' ? '' : path}`;
}
