import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { openApiDocument } from '../../contract/openapi-document.ts';
import type { AppEnv } from '../../lib/app-env.ts';

/**
 * GET /api/openapi.json: the API's OpenAPI 3.1 document, generated from the contract
 * (contract/api-contract.ts). Public and the same for everyone; it changes with a deploy, so
 * caches keep it but ask again each time (the ETag makes that a 304).
 */
export function openApiRoutes() {
  return new Hono<AppEnv>().use(etag()).get('/', (c) => {
    c.header('Cache-Control', 'public, no-cache');
    return c.body(openApiDocument().text, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });
}
