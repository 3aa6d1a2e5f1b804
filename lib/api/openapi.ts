import { z } from 'zod';
import { acceptedConversionsSchema, conversionBodySchema } from '@/lib/conversions/schemas';
import { MAX_BATCH_EVENTS, acceptedSchema, apiErrorSchema, eventBatchSchema, eventInputSchema, eventViewSchema } from '@/lib/events/schemas';
import { SIGNATURE_HEADER } from '@/lib/signature';
import { STORE_HEADER } from './store-auth';

/** One /api/v1 operation; request and response bodies are zod schemas with a `.meta({ id })`. */
export interface ApiOperation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  request?: z.ZodType;
  response: { status: number; schema: z.ZodType; description: string };
  errors: number[];
  pathParams?: string[];
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid JSON or schema; `error.fields` has the messages by field path.',
  401: 'Missing or wrong API key, bad signature, or a timestamp more than 5 minutes off.',
  404: 'No such object for this store.',
  409: 'The externalId was already received with a different body.',
  413: 'Body over 1 MiB.',
  422: 'The store has no active conversion destination (NO_CONVERSION_DESTINATION).',
  429: "Over the store's rate limit; retry after the Retry-After seconds.",
};

/** Every /api/v1 route. Features add theirs here, so the document is complete by construction. */
export const API_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/events',
    summary: 'Send one event (real-time queue, handled within about a second).',
    request: eventInputSchema,
    response: { status: 202, schema: acceptedSchema, description: 'Accepted (a replay answers the first ids).' },
    errors: [400, 401, 409, 413, 429],
  },
  {
    method: 'post',
    path: '/api/v1/events/batch',
    summary: `Send up to ${MAX_BATCH_EVENTS} events (batch queue); all are accepted or none.`,
    request: eventBatchSchema,
    response: { status: 202, schema: acceptedSchema, description: 'Accepted, ids in the order sent.' },
    errors: [400, 401, 409, 413, 429],
  },
  {
    method: 'get',
    path: '/api/v1/events/{id}',
    summary: "An event's status and timeline (received → template → queued → sent/failed).",
    pathParams: ['id'],
    response: { status: 200, schema: eventViewSchema, description: 'The event.' },
    errors: [401, 404, 429],
  },
  {
    method: 'post',
    path: '/api/v1/conversions',
    summary: 'Send one conversion event or up to 1,000 to every active conversion destination of the store (Meta CAPI, signed HTTP, sandbox).',
    request: conversionBodySchema,
    response: { status: 202, schema: acceptedConversionsSchema, description: 'Accepted in Enviando (a replay creates nothing and answers the first rows).' },
    errors: [400, 401, 409, 413, 422, 429],
  },
];

function ref(schema: z.ZodType): { $ref: string } {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('API schemas need .meta({ id })');
  return { $ref: `#/components/schemas/${id}` };
}

/** The OpenAPI 3.1 document served at /api/v1/openapi.json, generated from the zod schemas. */
export function openApiDocument(operations: ApiOperation[] = API_OPERATIONS) {
  const components = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, io: 'input' }).schemas;
  for (const schema of Object.values(components)) delete (schema as { $schema?: string }).$schema;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {
      [op.response.status]: { description: op.response.description, content: { 'application/json': { schema: ref(op.response.schema) } } },
    };
    for (const status of op.errors) responses[status] = { description: ERROR_TEXT[status], content: { 'application/json': { schema: ref(apiErrorSchema) } } };
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      security: [{ apiKey: [] }, { signature: [], store: [] }],
      parameters: (op.pathParams ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } })),
      ...(op.request ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.request) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Pombo API', version: '1' },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: "The store's API key." },
        signature: {
          type: 'apiKey',
          in: 'header',
          name: SIGNATURE_HEADER,
          description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the webhook secret>; at most 5 minutes off.',
        },
        store: { type: 'apiKey', in: 'header', name: STORE_HEADER, description: 'The store id, with a signature.' },
      },
    },
  };
}
