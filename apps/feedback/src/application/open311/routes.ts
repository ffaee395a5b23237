import { AppError } from '@edugraph/platform';
import type { RestRequest, RestResponse, RestRoute, ServiceInfra } from '@edugraph/platform';
import { todayInShanghai } from '@edugraph/rules';
import { findCategory } from '../../domain/reports/index.ts';
import { submitReport } from '../reports/report.commands.ts';
import type { SubmitReport } from '../reports/report.commands.ts';
import { reportCalendarFor } from '../reports/report-calendar.ts';
import { answer, open311Error } from './open311-format.ts';
import type { Open311Format } from './open311-format.ts';
import { findRequest, findRequests, parseRequestsQuery, services, toService } from './open311-requests.ts';

const BASE = '/open311/v2';
const FORMATS: readonly Open311Format[] = ['json', 'xml'];
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2026-11-25T00:00:00+08:00';

/** The HTTP status the standard gives each refusal of ours. */
const STATUS_OF: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 403, CONFLICT: 409 };

/** `ENROLMENT.json` → the code and the format; null for another extension. */
function splitFile(file: string | undefined): { name: string; format: Open311Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(file ?? '');
  return match ? { name: match[1]!, format: match[2] as Open311Format } : null;
}

/** The POST body as fields: form-encoded (the standard's) or JSON. */
function fieldsOf(request: RestRequest): Record<string, string> | null {
  const text = request.body.toString('utf8');
  if (/json/i.test(request.contentType ?? '')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
      return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)]));
    } catch {
      return null;
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

const present = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

/** Family name first, as Chinese names are written; Latin names keep a space. */
function fullName(first: string | null, last: string | null): string | null {
  const parts = [last, first].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return parts.every((p) => /^\p{Script=Han}+$/u.test(p)) ? parts.join('') : [first, last].filter((p) => p !== null).join(' ');
}

/**
 * Open311 GeoReport v2 for the city's 12345 hotline and third-party apps: the report categories
 * as services, reports as service requests. Reading is public and shows no reporter and nothing of
 * a tip-off but its status; posting needs a city system's API key and makes a complaint like any other.
 */
export function open311Routes(infra: ServiceInfra): RestRoute[] {
  const calendar = reportCalendarFor(infra);

  const post = async (request: RestRequest, format: Open311Format): Promise<RestResponse> => {
    if (request.actor.kind !== 'system') return open311Error(format, 403, 'Posting a service request needs an API key (api_key); ask the education bureau for one.');
    const fields = fieldsOf(request);
    if (!fields) return open311Error(format, 400, 'The body must be form-encoded (application/x-www-form-urlencoded) or a JSON object.');
    const code = present(fields['service_code']);
    if (!code) return open311Error(format, 400, 'service_code is required: one of the codes services.json lists.');
    if (!findCategory(code)) return open311Error(format, 400, `service_code ${code} is not a service of this endpoint; see services.json.`);
    const lat = present(fields['lat']);
    const long = present(fields['long']);
    const address = present(fields['address_string']);
    if ((lat === null) !== (long === null)) return open311Error(format, 400, 'lat and long go together: send both, or address_string instead.');
    if (lat === null && address === null) return open311Error(format, 400, 'A location is required: lat and long, or address_string.');
    const latitude = lat === null ? null : Number(lat);
    const longitude = long === null ? null : Number(long);
    if (Number.isNaN(latitude) || Number.isNaN(longitude)) return open311Error(format, 400, 'lat and long must be decimal degrees (WGS84), e.g. lat=37.8706, long=112.5489.');
    const name = fullName(present(fields['first_name']), present(fields['last_name']));
    const phone = present(fields['phone']);
    const email = present(fields['email']);
    const input: SubmitReport = {
      channel: 'OPEN311',
      kind: 'COMPLAINT',
      category: code,
      subject: null,
      body: fields['description'] ?? null,
      location: { address, lat: latitude, long: longitude },
      anonymous: name === null && phone === null && email === null,
      reporterName: name,
      reporterPhone: phone,
      reporterEmail: email,
    };
    try {
      const report = await submitReport({ em: request.em, actor: request.actor, correlationId: request.correlationId, today: todayInShanghai(infra.clock()), calendar }, input);
      return answer(format, 201, [{ service_request_id: report.id, service_notice: '已受理：教育局将分办至责任科室并在规定时限内答复。', account_id: null }], { root: 'service_requests', item: 'request' });
    } catch (error) {
      if (error instanceof AppError) return open311Error(format, STATUS_OF[error.code] ?? 400, error.message);
      throw error;
    }
  };

  const perFormat = FORMATS.flatMap((format): RestRoute[] => [
    {
      method: 'GET',
      path: `${BASE}/discovery.${format}`,
      handle: async (request) =>
        answer(
          format,
          200,
          {
            changeset: CHANGESET,
            contact: '市教育局 12345 政务服务便民热线',
            key_service: '向市教育局申请 API key（城市系统）',
            endpoints: [{ specification: SPECIFICATION, url: `${request.publicBase}${BASE}`, changeset: CHANGESET, type: 'production', formats: ['application/json', 'text/xml'] }],
          },
          { root: 'discovery' },
        ),
    },
    { method: 'GET', path: `${BASE}/services.${format}`, handle: async () => answer(format, 200, services(), { root: 'services', item: 'service' }) },
    {
      method: 'GET',
      path: `${BASE}/requests.${format}`,
      handle: async (request) => {
        const query = parseRequestsQuery(request.query, infra.clock());
        if ('problem' in query) return open311Error(format, 400, query.problem);
        return answer(format, 200, await findRequests(request.em, query), { root: 'service_requests', item: 'request' });
      },
    },
    { method: 'POST', path: `${BASE}/requests.${format}`, handle: (request) => post(request, format) },
  ]);

  return [
    ...perFormat,
    {
      method: 'GET',
      path: `${BASE}/services/:file`,
      handle: async (request) => {
        const file = splitFile(request.params['file']);
        if (!file) return open311Error('json', 404, 'Ask for services/{service_code}.json or .xml.');
        const category = findCategory(file.name);
        if (!category) return open311Error(file.format, 404, `There is no service ${file.name}; see services.${file.format}.`);
        const definition = { service_code: toService(category)['service_code'] as string, attributes: [] };
        return answer(file.format, 200, definition, { root: 'service_definition' });
      },
    },
    {
      method: 'GET',
      path: `${BASE}/requests/:file`,
      handle: async (request) => {
        const file = splitFile(request.params['file']);
        if (!file) return open311Error('json', 404, 'Ask for requests/{service_request_id}.json or .xml.');
        const found = await findRequest(request.em, file.name);
        if (!found) return open311Error(file.format, 404, `There is no service request ${file.name}.`);
        return answer(file.format, 200, [found], { root: 'service_requests', item: 'request' });
      },
    },
  ];
}
