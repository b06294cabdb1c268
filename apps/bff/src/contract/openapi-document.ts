import { errorBodySchema } from '@library/domain/api';
import { toJSONSchema } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { apiContract, errorsOf, type Operation } from './api-contract.ts';

/** A JSON Schema (2020-12, OpenAPI 3.1's own dialect). */
export type JsonSchema = Record<string, unknown>;

/**
 * zod's own converter (ADR 0017): requests as the route reads them (`input`: defaults optional,
 * unknown keys ignored), answers as they are written (`output`: no key the schema lacks).
 */
export function jsonSchemaOf(schema: $ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', minimum: 1 },
  },
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Malformed or invalid input (`fields` names each field)',
  401: 'Not signed in, or the credentials are wrong',
  403: 'Refused',
  404: 'Not found',
  409: 'Conflicts with the current state',
  410: 'The token expired or was used',
  413: 'The body is larger than 32 KiB',
  422: 'The Idempotency-Key was used for another request',
  423: 'Locked after repeated failures',
  429: 'Too many attempts',
  500: 'Unexpected failure',
  503: 'A system behind the portal does not answer',
};

function parametersOf(op: Operation) {
  const parameters: JsonSchema[] = [];
  for (const [name, param] of Object.entries(op.params ?? {})) {
    parameters.push({
      name,
      in: 'path',
      required: true,
      description: param.description,
      schema: jsonSchemaOf(param.schema, 'input'),
    });
  }
  if (op.query) {
    const query = jsonSchemaOf(op.query, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  for (const [name, header] of Object.entries(op.headers ?? {})) {
    parameters.push({
      name,
      in: 'header',
      required: false,
      description: header.description,
      schema: jsonSchemaOf(header.schema, 'input'),
    });
  }
  return parameters;
}

function responsesOf(op: Operation) {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    if (!response) continue;
    responses[status] = {
      description: response.description,
      ...(response.body
        ? {
            content: {
              [response.contentType ?? 'application/json']: { schema: jsonSchemaOf(response.body, 'output') },
            },
          }
        : {}),
    };
  }
  for (const [status, codes] of errorsOf(op)) {
    responses[String(status)] = {
      description: `${STATUS_TEXT[status] ?? 'Error'}: ${codes.map((c) => `\`${c}\``).join(', ')}`,
      ...([409, 423, 429, 503].includes(status) ? { headers: RETRY_AFTER } : {}),
      content: { 'application/json': { schema: jsonSchemaOf(errorBodySchema(codes), 'output') } },
    };
  }
  return responses;
}

const SECURITY = { required: [{ session: [] }], optional: [{}, { session: [] }], none: [] };

function operationObject(op: Operation) {
  const parameters = parametersOf(op);
  return {
    operationId: `${op.method}${op.path.replace(/\/api|[{}.]/g, '').replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: op.summary,
    tags: [op.tag],
    security: SECURITY[op.session],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: jsonSchemaOf(op.body, 'input'),
                ...(op.examples
                  ? {
                      examples: Object.fromEntries(
                        Object.entries(op.examples).map(([name, value]) => [name, { value }]),
                      ),
                    }
                  : {}),
              },
            },
          },
        }
      : {}),
    responses: responsesOf(op),
  };
}

/** The OpenAPI 3.1 document of the API, generated from the contract. */
export function buildOpenApiDocument(contract: Operation[] = apiContract) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of contract) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '柳川市立図書館 貸出延長サービス API',
      version: '1',
      description:
        'The HTTP API of docs/product.md §6. Every error answer is `{"error": {"code", "message", "fields"?}}` in the language of `Accept-Language`. State-changing requests from a browser must come from the portal’s own origin (`Origin` / `Sec-Fetch-Site`).',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'sid',
          description: 'Set by POST /api/session (`__Host-sid` over https)',
        },
      },
    },
    paths,
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let built: { document: OpenApiDocument; text: string } | undefined;

/** Built once per process: the schemas do not change while it runs. */
export function openApiDocument() {
  if (!built) {
    const document = buildOpenApiDocument();
    built = { document, text: JSON.stringify(document) };
  }
  return built;
}
