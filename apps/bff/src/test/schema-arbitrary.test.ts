import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiContract } from '../contract/api-contract.ts';
import { jsonSchemaOf } from '../contract/openapi-document.ts';
import { arbitraryOf, type SchemaNode } from './schema-arbitrary.ts';

const ajv = new Ajv2020({ strict: false, validateFormats: false });

/** Every request schema of the contract: bodies, query objects, path parameters, headers. */
const requestSchemas = apiContract.flatMap((op) => [
  ...(op.body ? [[`${op.method} ${op.path} body`, op.body] as const] : []),
  ...(op.query ? [[`${op.method} ${op.path} query`, op.query] as const] : []),
  ...Object.entries({ ...op.params, ...op.headers }).map(
    ([name, p]) => [`${op.method} ${op.path} ${name}`, p.schema] as const,
  ),
]);

describe('arbitraryOf', () => {
  it.each(requestSchemas)(
    '%s: every value it generates matches the JSON Schema it came from',
    (_where, zodSchema) => {
      const schema = jsonSchemaOf(zodSchema, 'input');
      const validate = ajv.compile(schema);
      fc.assert(
        fc.property(arbitraryOf(schema as SchemaNode), (value) => {
          expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
        }),
        { numRuns: 50 },
      );
    },
  );

  it('offers the values seen in answers for a property of that name', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: { resetToken: { type: 'string' } },
      required: ['resetToken'],
    };
    const values = fc.sample(
      arbitraryOf(schema, (name) => (name === 'resetToken' ? ['seen-token'] : [])),
      200,
    );
    expect(values).toContainEqual({ resetToken: 'seen-token' });
  });
});
