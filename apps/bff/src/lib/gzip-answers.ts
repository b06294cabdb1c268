import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { parseAccept } from 'hono/utils/accept';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

/**
 * Below this an answer goes as it is: gzip would save a few dozen bytes of a small answer
 * (`{"patron":null}`, a 401) for more CPU than the answer itself cost. Lighthouse asks for
 * compression only where it saves more than 1.4 KB, i.e. above this.
 */
const GZIP_THRESHOLD_BYTES = 1024;

/** Whether the client takes gzip (`Accept-Encoding`, q > 0, by name or `*`). */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const accepts = parseAccept(header);
  const q = (accepts.find((a) => a.type.toLowerCase() === 'gzip') ?? accepts.find((a) => a.type === '*'))?.q;
  return q !== undefined && q > 0;
}

/**
 * Gzips an answer of a compressible type (JSON, the calendar feed…) of at least
 * GZIP_THRESHOLD_BYTES for a client that takes gzip, in one synchronous call (a few KB: tens of
 * µs) into a body with its length. Hono's `compress()` compressed every answer, however small
 * (an answer built from a string has no Content-Length for its threshold to read), through a
 * CompressionStream sent chunked.
 */
export function gzipAnswers(threshold = GZIP_THRESHOLD_BYTES): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type');
    if (
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      res.headers.has('content-encoding') ||
      res.status === 204 ||
      res.status === 304
    )
      return;
    res.headers.append('Vary', 'Accept-Encoding');
    if (!acceptsGzip(c.req.header('accept-encoding'))) return;
    const body = await res.text();
    const headers = new Headers(res.headers);
    let encoded: string | Uint8Array = body;
    if (Buffer.byteLength(body) >= threshold) {
      encoded = gzipSync(body);
      headers.set('Content-Encoding', 'gzip');
    }
    // Unset first: assigning over an answer makes Hono copy it into a streamed one.
    c.res = undefined;
    c.res = new Response(encoded, { status: res.status, headers });
  };
}
