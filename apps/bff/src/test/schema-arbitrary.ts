import fc from 'fast-check';

/** A JSON Schema node of the OpenAPI document (the subset zod's converter writes). */
export interface SchemaNode {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

/**
 * Values a JSON Schema describes, for fast-check (ADR 0017: no maintained generator takes
 * JSON Schema 2020-12 with fast-check 4). `known(name)` offers values seen in earlier answers
 * for a property of that name (a token, a loan id), so generated requests can reach past the
 * first refusal; refinements a schema cannot state (a check digit) are left to the examples.
 */
export function arbitraryOf(
  schema: SchemaNode,
  known: (name: string) => unknown[] = () => [],
  name = '',
): fc.Arbitrary<unknown> {
  const seen = known(name);
  const own = ownArbitrary(schema, known);
  return seen.length > 0 ? fc.oneof(fc.constantFrom(...seen), own) : own;
}

function ownArbitrary(schema: SchemaNode, known: (name: string) => unknown[]): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => arbitraryOf(s, known)));
  if (schema.allOf) {
    // zod writes two regexes on one string as allOf: generate by the last, keep what matches all.
    const { allOf, ...rest } = schema;
    const patterns = allOf.flatMap((s) => (s.pattern ? [new RegExp(s.pattern)] : []));
    return ownArbitrary({ ...rest, ...allOf.at(-1) }, known).filter(
      (v) => typeof v !== 'string' || patterns.every((p) => p.test(v)),
    );
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.pattern) {
        const { minLength = 0, maxLength = Number.POSITIVE_INFINITY } = schema;
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((v) => v.length >= minLength && v.length <= maxLength);
      }
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'uri') return fc.webUrl();
      return fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 300),
      });
    }
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 100_000, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryOf(schema.items ?? {}, known), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 12),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const record = Object.fromEntries(
        Object.entries(properties).map(([key, child]) => [key, arbitraryOf(child, known, key)]),
      );
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
