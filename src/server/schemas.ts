// TypeBox schemas for the API: Fastify validates requests with them and @fastify/swagger turns the same
// objects into /api/openapi.json, so the document cannot drift from what the server accepts.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { AFFECTED_UNITS, AUTHORITIES, CATEGORIES, DATA_ITEMS, LEAK_STATUSES, ROLES } from '../model/index.js';

/** A string limited to a closed vocabulary (an `enum`, which OpenAPI renders as a list of values). */
const StringEnum = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const EXPORT_FORMATS = ['stix', 'misp', 'veris', 'csv', 'atom'] as const;
export const STAT_DIMENSIONS = ['month', 'category', 'data-item', 'organization', 'authority', 'contractor', 'leak', 'affected-bucket'] as const;

export const ErrorReply = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { $id: 'Error', description: 'Every failure: a stable code and a one-line message' },
);

export const CaseId = Type.Object({ id: Type.String({ pattern: '^\\d{4}-\\d{1,7}$', description: 'case number YYYY-NNN' }) });

/** Search filters shared by GET /api/incidents and GET /api/export. Lists may repeat or be comma-separated. */
const filterProps = {
  q: Type.Optional(Type.String({ maxLength: 500, description: 'full-text query (Japanese), terms separated by spaces' })),
  category: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 30 })),
  dataItem: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 30 })),
  authority: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 30 })),
  org: Type.Optional(Type.String({ maxLength: 200 })),
  since: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
  until: Type.Optional(Type.String({ maxLength: 10 })),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2999 })),
  minAffected: Type.Optional(Type.Integer({ minimum: 0 })),
  leak: Type.Optional(StringEnum(LEAK_STATUSES)),
  all: Type.Optional(Type.Boolean({ description: 'include notices judged not to be incidents' })),
};

export const SearchParams = Type.Object(
  {
    ...filterProps,
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 200, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type SearchParams = Static<typeof SearchParams>;

export const ExportParams = Type.Object(
  {
    ...filterProps,
    format: StringEnum(EXPORT_FORMATS),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
  },
  { additionalProperties: false },
);
export type ExportParams = Static<typeof ExportParams>;

export const StatsParams = Type.Object({ by: Type.Optional(StringEnum(STAT_DIMENSIONS)) }, { additionalProperties: false });

/** A notice given as JSON: pasted text, or a URL to fetch. Multipart uploads use a `file` part instead. */
export const NoticeInput = Type.Object(
  {
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 2_000_000 })),
    title: Type.Optional(Type.String({ maxLength: 500 })),
    url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://' })),
  },
  { additionalProperties: false, $id: 'NoticeInput' },
);
export type NoticeInput = Static<typeof NoticeInput>;

/** Body schemas by content type: JSON is validated here, multipart parts in the handler. */
export const noticeBody = {
  content: {
    'application/json': { schema: NoticeInput },
    'multipart/form-data': { schema: Type.Any({ description: 'one part named `file` (text, HTML, PDF, e-mail); checked by the handler' }) },
  },
};

const Party = Type.Object({ name: Type.String({ minLength: 1, maxLength: 300 }), role: StringEnum(ROLES) }, { additionalProperties: false });
const TimelineEvent = Type.Object(
  { date: IsoDate, time: Type.Optional(Type.String({ maxLength: 20 })), text: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
const StringList = Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 1000 });

/** PATCH body: the fields an analyst corrects, each stored as an override; nothing else is accepted. */
export const CasePatch = Type.Object(
  {
    isIncident: Type.Optional(Type.Boolean()),
    caseId: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    title: Type.Optional(Type.String({ maxLength: 500 })),
    organization: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    otherOrganizations: Type.Optional(Type.Array(Party, { maxItems: 100 })),
    publishedAt: Type.Optional(Nullable(IsoDate)),
    discoveredAt: Type.Optional(Nullable(IsoDate)),
    occurredFrom: Type.Optional(Nullable(IsoDate)),
    occurredTo: Type.Optional(Nullable(IsoDate)),
    categories: Type.Optional(Type.Array(StringEnum(CATEGORIES), { maxItems: CATEGORIES.length, uniqueItems: true })),
    affectedCount: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
    affectedUnit: Type.Optional(Nullable(StringEnum(AFFECTED_UNITS))),
    affectedApprox: Type.Optional(Nullable(Type.Boolean())),
    dataItems: Type.Optional(Type.Array(StringEnum(DATA_ITEMS), { maxItems: DATA_ITEMS.length, uniqueItems: true })),
    excludedDataItems: Type.Optional(Type.Array(StringEnum(DATA_ITEMS), { maxItems: DATA_ITEMS.length, uniqueItems: true })),
    leakStatus: Type.Optional(Nullable(StringEnum(LEAK_STATUSES))),
    authoritiesNotified: Type.Optional(Type.Array(StringEnum(AUTHORITIES), { maxItems: AUTHORITIES.length, uniqueItems: true })),
    countermeasures: Type.Optional(StringList),
    countermeasureCount: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
    timeline: Type.Optional(Type.Array(TimelineEvent, { maxItems: 1000 })),
    indicators: Type.Optional(
      Type.Object(
        {
          urls: StringList, domains: StringList, ipv4s: StringList, ipv6s: StringList, emails: StringList,
          md5s: StringList, sha1s: StringList, sha256s: StringList, cves: StringList,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CasePatch = Static<typeof CasePatch>;

export const TokenCreate = Type.Object(
  { role: StringEnum(['reader', 'analyst', 'admin'] as const), name: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export type TokenCreate = Static<typeof TokenCreate>;
export const TokenIdParam = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{1,32}$' }) });
