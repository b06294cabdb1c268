/** The environment of a BFF in front of a FakeIls on this machine (CIRCULATION=sip2, docs/product.md §9). */
export function fakeIlsEnv(
  port: number,
  options: { timeoutMs: number; pool: number },
): Record<string, string> {
  return {
    CIRCULATION: 'sip2',
    SIP2_HOST: '127.0.0.1',
    SIP2_PORT: String(port),
    SIP2_USER: 'portal',
    SIP2_PASSWORD: 'portal-secret',
    SIP2_INSTITUTION: 'YANAGAWA',
    SIP2_TIMEOUT_MS: String(options.timeoutMs),
    SIP2_POOL: String(options.pool),
  };
}
