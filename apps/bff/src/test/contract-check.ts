import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { errorBodySchema } from '@library/domain/api';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Hono } from 'hono';
import { unmatchedErrors } from '../contract/api-contract.ts';
import { jsonSchemaOf, openApiDocument } from '../contract/openapi-document.ts';

/**
 * Every answer the tests get is checked against the served OpenAPI document: its status must
 * be one the document declares for that method and path, its body must match the schema
 * declared for that status (JSON Schema 2020-12, with ajv). A renamed field, a new status or
 * an undeclared error code fails the test that met it, with the path and the mismatch.
 */

// ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM loader.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

interface ResponseSpec {
  description: string;
  content?: Record<string, { schema: object }>;
}

interface DocumentOperation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Record<string, ResponseSpec>;
}

function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`);
}

let operations: DocumentOperation[] | undefined;
function documentOperations(): DocumentOperation[] {
  operations ??= Object.entries(openApiDocument().document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      pattern: templatePattern(template),
      responses: (op as { responses: Record<string, ResponseSpec> }).responses,
    })),
  );
  return operations;
}

const validators = new WeakMap<object, ValidateFunction>();
function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

const unmatchedValidators = new Map<number, ValidateFunction>();
function unmatchedValidator(status: number): ValidateFunction | undefined {
  const codes = unmatchedErrors[status];
  if (!codes) return undefined;
  let validate = unmatchedValidators.get(status);
  if (!validate) {
    validate = ajv.compile(jsonSchemaOf(errorBodySchema(codes), 'output'));
    unmatchedValidators.set(status, validate);
  }
  return validate;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('; ');
}

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/** The operation of the document that answers `METHOD path`, if any (HEAD is GET's). */
export function operationFor(method: string, path: string): DocumentOperation | undefined {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return documentOperations().find((op) => op.method === m && op.pattern.test(path));
}

/** Throws a ContractViolation unless the answer is one the document allows. */
export function checkAnswer(
  method: string,
  url: string,
  answer: { status: number; contentType: string | null; text: string },
): void {
  const path = new URL(url, 'http://localhost').pathname;
  if (!path.startsWith('/api/')) return;
  const where = `${method} ${path} → ${answer.status}`;
  const parse = (): unknown => {
    try {
      return JSON.parse(answer.text);
    } catch {
      throw new ContractViolation(`${where}: the body is not JSON: ${answer.text.slice(0, 120)}`);
    }
  };
  const op = operationFor(method, path);
  const head = method.toUpperCase() === 'HEAD';
  if (!op) {
    const validate = unmatchedValidator(answer.status);
    if (!validate)
      throw new ContractViolation(`${where}: no such operation, and not a status any path may answer`);
    if (!head && !validate(parse())) {
      throw new ContractViolation(`${where} (no such operation): ${describeErrors(validate.errors)}`);
    }
    return;
  }
  const spec = op.responses[String(answer.status)];
  if (!spec) {
    throw new ContractViolation(
      `${where}: status not declared for ${op.method} ${op.template} (declared: ${Object.keys(op.responses).join(', ')}); body ${answer.text.slice(0, 200)}`,
    );
  }
  if (head) return;
  if (!spec.content) {
    if (answer.text !== '')
      throw new ContractViolation(`${where}: declared without a body, got ${answer.text.slice(0, 120)}`);
    return;
  }
  const [mediaType, { schema }] = Object.entries(spec.content)[0]!;
  if (!answer.contentType?.startsWith(mediaType)) {
    throw new ContractViolation(`${where}: Content-Type ${answer.contentType}, declared ${mediaType}`);
  }
  const body = mediaType === 'application/json' ? parse() : answer.text;
  const validate = validatorFor(schema);
  if (!validate(body)) {
    throw new ContractViolation(
      `${where} does not match the document: ${describeErrors(validate.errors)}; body ${answer.text.slice(0, 300)}`,
    );
  }
}

/** The body as the client reads it, decompressed (GET answers are gzipped when asked). */
async function bodyText(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const encoding = response.headers.get('content-encoding');
  if (encoding === 'gzip') return gunzipSync(bytes).toString('utf8');
  if (encoding === 'br') return brotliDecompressSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}

const checked = new WeakSet<object>();

/**
 * Makes the app check every answer against the document (in place, once per app). It wraps
 * `app.fetch`, which `app.request` calls too: route tests, security tests, `client()` and the
 * tests that serve the app over a real socket (`serve({ fetch: app.fetch })`) all go through it.
 */
export function checkedAgainstDocument<A extends Pick<Hono, 'request' | 'fetch'>>(app: A): A {
  if (checked.has(app)) return app;
  checked.add(app);
  const original = app.fetch.bind(app);
  app.fetch = (async (...args: Parameters<Hono['fetch']>) => {
    const [request] = args;
    const response = await original(...args);
    const text = await bodyText(response.clone());
    checkAnswer(request.method, request.url, {
      status: response.status,
      contentType: response.headers.get('content-type'),
      text,
    });
    return response;
  }) as A['fetch'];
  return app;
}
