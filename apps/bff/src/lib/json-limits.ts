import { createMiddleware } from 'hono/factory';
import { DomainError } from './api-error.ts';
import type { AppEnv } from './app-env.ts';

/** Deeper than any body of the API (they are 1–2 levels); JSON.parse and zod recurse. */
export const MAX_JSON_DEPTH = 20;
/** Values (scalars, arrays, objects) in one body; the largest real body (100 loan ids) has ~100. */
export const MAX_JSON_VALUES = 2_000;

/**
 * Depth and number of values of a JSON text, counted without parsing it (so a hostile body
 * costs one linear scan and no allocation). Brackets inside strings do not count; the text
 * need not be valid JSON — the handler's parser decides that.
 */
export function jsonShape(text: string): { depth: number; values: number } {
  let depth = 0;
  let maxDepth = 0;
  let separators = 0;
  let containers = 0;
  let inString = false;
  let sawValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
      continue;
    }
    switch (ch) {
      case 0x22:
        inString = true;
        sawValue = true;
        break;
      case 0x5b: // [
      case 0x7b: // {
        depth++;
        containers++;
        if (depth > maxDepth) maxDepth = depth;
        break;
      case 0x5d: // ]
      case 0x7d: // }
        depth = Math.max(0, depth - 1);
        break;
      case 0x2c: // ,
        separators++;
        break;
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        break;
      default:
        sawValue = true;
    }
  }
  // n separated items are n values; containers add one each (their members are counted inside).
  const values = containers + separators + (sawValue || containers > 0 ? 1 : 0);
  return { depth: maxDepth, values };
}

/**
 * Refuses request bodies that are nested too deeply or hold too many values with 400
 * `invalid_json`, before any handler parses them. Every handler of the API reads JSON
 * whatever the Content-Type says, so every body is checked.
 */
export function jsonLimits() {
  return createMiddleware<AppEnv>(async (c, next) => {
    // Cached by Hono: the handler's c.req.json() reads this text, not the stream again. No body
    // reads as ''. Asking `c.req.raw.body` first would make @hono/node-server build a full
    // Request, which its own text() does without.
    const { depth, values } = jsonShape(await c.req.text());
    if (depth > MAX_JSON_DEPTH || values > MAX_JSON_VALUES) throw new DomainError('invalid_json');
    await next();
  });
}
