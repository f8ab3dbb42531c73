/**
 * Where a value does not fit a schema of docs/openapi.json: the parts of JSON Schema that
 * document uses, checked strictly, so a schema, its examples and the server's answers cannot
 * drift apart (src/server/openapi.test.ts, openapi-events.test.ts). Not a full JSON Schema
 * validator, and deliberately stricter than one in two ways:
 * - an object whose schema lists `properties` is closed: a field it does not list is a problem
 *   (unless `additionalProperties` says otherwise), so the server cannot send what is not
 *   documented;
 * - `contentSchema` is asserted: a string whose `contentMediaType` is `application/json` must
 *   parse, and what it parses to must fit (JSON Schema 2020-12 leaves that to the reader; an
 *   event's `data:` is such a string).
 * `allOf` is checked as one object: each part's constraints hold, and a field must be listed by
 * some part (JSON Schema's `unevaluatedProperties: false`).
 */

export interface Schema {
  $ref?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  contentMediaType?: string;
  contentSchema?: Schema;
}

/** The part of an OpenAPI document a `$ref` of this checker reads: `#/components/schemas/Name`. */
export interface SchemaDocument {
  components: { schemas: Record<string, unknown> };
}

/** RFC 3339, as JSON Schema's date-time is: a date, a time and an offset, and a real instant. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Where a string, number or array breaks the schema's own limits on it: format, pattern, lengths, bounds. */
function limitProblems(value: unknown, s: Schema, at: string): string[] {
  const where = at || '(body)';
  const out: string[] = [];
  if (typeof value === 'string') {
    if (s.format === 'date-time' && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))) out.push(`${where}: "${value}" is not a date-time`);
    if (s.format === 'uri' && !URL.canParse(value)) out.push(`${where}: "${value}" is not an absolute URI`);
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) out.push(`${where}: "${value}" does not match ${s.pattern}`);
    const length = [...value].length;
    if (s.minLength !== undefined && length < s.minLength) out.push(`${where}: ${length} characters, at least ${s.minLength}`);
    if (s.maxLength !== undefined && length > s.maxLength) out.push(`${where}: ${length} characters, at most ${s.maxLength}`);
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) out.push(`${where}: ${value}, at least ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) out.push(`${where}: ${value}, at most ${s.maximum}`);
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) out.push(`${where}: ${value.length} items, at least ${s.minItems}`);
    if (s.maxItems !== undefined && value.length > s.maxItems) out.push(`${where}: ${value.length} items, at most ${s.maxItems}`);
  }
  return out;
}

/** The checker of `doc`'s schemas: `shapeProblems(value, schema, at)` lists where `value` does not fit. */
export function shapeChecker(doc: SchemaDocument) {
  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const found = doc.components.schemas[name] as Schema | undefined;
    if (!found) throw new Error(`${schema.$ref} is not a schema of the document`);
    return resolve(found);
  };

  /** Every field a schema may list, through its `$ref`, `oneOf` and `allOf`. */
  const listed = (schema: Schema): string[] => {
    const s = resolve(schema);
    return [...Object.keys(s.properties ?? {}), ...(s.oneOf ?? []).flatMap(listed), ...(s.allOf ?? []).flatMap(listed)];
  };

  /** `open`: the object itself may have fields this schema does not list (a part of an `allOf`). */
  function shapeProblems(value: unknown, schema: unknown, at: string, open = false): string[] {
    if (!schema) return [];
    const s = resolve(schema as Schema);
    if (s.allOf) {
      const parts = s.allOf.flatMap((part) => shapeProblems(value, part, at, true));
      if (parts.length || value === null || typeof value !== 'object' || Array.isArray(value)) return parts;
      const fields = new Set(s.allOf.flatMap(listed));
      return Object.keys(value).filter((k) => !fields.has(k)).map((k) => `${at ? `${at}.` : ''}${k}: not in the schema`);
    }
    if (s.oneOf) {
      const tries = s.oneOf.map((branch) => shapeProblems(value, branch, at, open));
      return tries.some((t) => t.length === 0) ? [] : [`${at || '(body)'} fits none of its ${s.oneOf.length} forms`];
    }
    if ('const' in s && value !== s.const) return [`${at}: must be ${JSON.stringify(s.const)}`];
    if (s.enum && !s.enum.includes(value)) return [`${at}: must be one of ${JSON.stringify(s.enum)}`];
    const types = s.type === undefined ? [] : [s.type].flat();
    const typeOf = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
    if (types.length && !types.includes(typeOf) && !(typeOf === 'integer' && types.includes('number'))) return [`${at || '(body)'}: ${typeOf === 'integer' || typeOf === 'array' || typeOf === 'object' ? 'an' : 'a'} ${typeOf}, the schema says ${types.join(' or ')}`];
    const limits = limitProblems(value, s, at);
    if (limits.length) return limits;
    if (typeof value === 'string' && s.contentMediaType === 'application/json' && s.contentSchema) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        return [`${at || '(body)'}: not JSON (${JSON.stringify(value.slice(0, 80))})`];
      }
      return shapeProblems(parsed, s.contentSchema, at);
    }
    if (Array.isArray(value)) return value.flatMap((item, i) => shapeProblems(item, s.items, `${at}[${i}]`));
    if (typeOf !== 'object') return [];
    const o = value as Record<string, unknown>;
    const problems = (s.required ?? []).filter((k) => !(k in o)).map((k) => `${at ? at + '.' : ''}${k}: required by the schema`);
    for (const [k, v] of Object.entries(o)) {
      const path = at ? `${at}.${k}` : k;
      const property = s.properties?.[k];
      if (property) problems.push(...shapeProblems(v, property, path));
      else if (typeof s.additionalProperties === 'object') problems.push(...shapeProblems(v, s.additionalProperties, path));
      else if (s.properties && s.additionalProperties !== true && !open) problems.push(`${path}: not in the schema`);
    }
    return problems;
  }

  return shapeProblems;
}
